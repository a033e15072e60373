package com.finagent.application.ledger;

import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.Activity.Source;
import com.finagent.persistence.portfolio.ActivityType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {

    private static final UUID ACCOUNT = UUID.randomUUID();

    private static Activity trade(String date, ActivityType type, String quantity, String price, String fee) {
        return Activity.trade(ACCOUNT, LocalDate.parse(date), type, "AAPL", new BigDecimal(quantity),
                new BigDecimal(price), new BigDecimal(fee), "USD", Source.MANUAL);
    }

    private static Activity cash(String date, ActivityType type, String amount) {
        return Activity.cash(ACCOUNT, LocalDate.parse(date), type, null, new BigDecimal(amount), "USD",
                Source.MANUAL);
    }

    /**
     * Worked by hand: 100 bought at 10.00 with a 5.00 fee (unit cost 10.05), 50 at 12.00, then 120 sold at
     * 15.00 with a 10.00 fee. FIFO sells the 100 of the first lot (1,005.00) and 20 of the second (240.00), so
     * the realised gain is 1,800.00 - 10.00 - 1,245.00 = 545.00 and 30 shares at 12.00 (360.00) remain.
     */
    @Test
    void sellsConsumeTheOldestLotsFirst() {
        Ledger ledger = Ledger.replay(List.of(
                trade("2021-03-01", ActivityType.SELL, "120", "15", "10"),
                trade("2021-01-04", ActivityType.BUY, "100", "10", "5"),
                trade("2021-02-01", ActivityType.BUY, "50", "12", "0")));

        Holding aapl = ledger.holdings().get(0);
        assertEquals(new BigDecimal("545.00"), aapl.realisedGain());
        assertEquals(0, new BigDecimal("30").compareTo(aapl.quantity()));
        assertEquals(new BigDecimal("360.00"), aapl.costBasis());
        assertEquals(new BigDecimal("12.0000"), aapl.averageCost());
        assertEquals(LocalDate.of(2021, 2, 1), aapl.lots().get(0).acquired());
        assertEquals(new BigDecimal("15.00"), ledger.fees().setScale(2));
    }

    @Test
    void aSplitMultipliesSharesAndKeepsTheCostBasis() {
        Ledger ledger = Ledger.replay(List.of(
                trade("2020-01-02", ActivityType.BUY, "10", "400", "0"),
                Activity.split(ACCOUNT, LocalDate.of(2020, 8, 31), "AAPL", new BigDecimal("4"), "USD",
                        Source.MANUAL),
                trade("2020-09-01", ActivityType.SELL, "20", "130", "0")));

        Holding aapl = ledger.holdings().get(0);
        assertEquals(0, new BigDecimal("20").compareTo(aapl.quantity()));
        assertEquals(new BigDecimal("2000.00"), aapl.costBasis());
        assertEquals(new BigDecimal("600.00"), aapl.realisedGain());
    }

    @Test
    void sellingMoreThanIsHeldNamesTheSymbolAndDate() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Ledger.replay(List.of(
                trade("2021-01-04", ActivityType.BUY, "10", "100", "0"),
                trade("2021-01-05", ActivityType.SELL, "11", "100", "0"))));

        assertTrue(refused.getMessage().contains("AAPL on 2021-01-05"), refused.getMessage());
    }

    @Test
    void withoutCashRecordsTradesAreTheFlowsAndIncomeIsPaidOut() {
        Ledger ledger = Ledger.empty(false);

        assertEquals(new BigDecimal("1005"), ledger.apply(trade("2021-01-04", ActivityType.BUY, "100", "10", "5")));
        assertEquals(new BigDecimal("-25"), ledger.apply(cash("2021-02-01", ActivityType.DIVIDEND, "25")));
        assertEquals(new BigDecimal("-598"), ledger.apply(trade("2021-03-01", ActivityType.SELL, "50", "12", "2")));
    }

    @Test
    void withCashRecordsOnlyDepositsAndWithdrawalsAreFlows() {
        Ledger ledger = Ledger.empty(true);

        assertEquals(new BigDecimal("2000"), ledger.apply(cash("2021-01-04", ActivityType.DEPOSIT, "2000")));
        assertEquals(BigDecimal.ZERO, ledger.apply(trade("2021-01-04", ActivityType.BUY, "100", "10", "5")));
        assertEquals(BigDecimal.ZERO, ledger.apply(cash("2021-02-01", ActivityType.DIVIDEND, "25")));
        assertEquals(new BigDecimal("-500"), ledger.apply(cash("2021-03-01", ActivityType.WITHDRAWAL, "500")));
        assertEquals(0, new BigDecimal("520").compareTo(ledger.cash()));
    }
}
