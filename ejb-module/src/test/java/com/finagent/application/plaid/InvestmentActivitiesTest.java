package com.finagent.application.plaid;

import com.finagent.application.ledger.Holding;
import com.finagent.application.ledger.Ledger;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;
import com.plaid.client.model.InvestmentTransaction;
import com.plaid.client.model.InvestmentTransactionSubtype;
import com.plaid.client.model.InvestmentTransactionType;
import com.plaid.client.model.Security;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvestmentActivitiesTest {

    private static final String ACCOUNT = "plaid-brokerage";
    private static final Map<String, Security> SECURITIES = Map.of(
            "sec-aapl", new Security().securityId("sec-aapl").tickerSymbol("AAPL").isCashEquivalent(false),
            "sec-bond", new Security().securityId("sec-bond").tickerSymbol(null).isCashEquivalent(false),
            "sec-usd", new Security().securityId("sec-usd").tickerSymbol("USD").isCashEquivalent(true));

    private static InvestmentTransaction plaid(String id, String date, InvestmentTransactionType type,
                                               InvestmentTransactionSubtype subtype, String securityId,
                                               double quantity, double price, double fees, double amount) {
        return new InvestmentTransaction().investmentTransactionId(id).accountId(ACCOUNT).securityId(securityId)
                .date(LocalDate.parse(date)).name(id).quantity(quantity).price(price).fees(fees).amount(amount)
                .type(type).subtype(subtype).isoCurrencyCode("USD");
    }

    /** A brokerage account's first half of 2024, newest first as Plaid lists it. */
    private static final List<InvestmentTransaction> STATEMENT = List.of(
            plaid("withdrawal", "2024-06-28", InvestmentTransactionType.CASH, InvestmentTransactionSubtype.WITHDRAWAL,
                    null, 0, 0, 0, 500.00),
            plaid("interest", "2024-06-03", InvestmentTransactionType.CASH, InvestmentTransactionSubtype.INTEREST,
                    "sec-usd", 0, 0, 0, -1.10),
            plaid("sell", "2024-05-01", InvestmentTransactionType.SELL, InvestmentTransactionSubtype.SELL,
                    "sec-aapl", -20, 45.00, 5.00, -895.00),
            plaid("split", "2024-04-01", InvestmentTransactionType.TRANSFER, InvestmentTransactionSubtype.SPLIT,
                    "sec-aapl", 30, 0, 0, 0),
            plaid("fee", "2024-03-01", InvestmentTransactionType.FEE, InvestmentTransactionSubtype.ACCOUNT_FEE,
                    null, 0, 0, 0, 25.00),
            plaid("dividend", "2024-02-15", InvestmentTransactionType.CASH,
                    InvestmentTransactionSubtype.QUALIFIED_DIVIDEND, "sec-aapl", 0, 0, 0, -2.40),
            plaid("buy", "2024-01-03", InvestmentTransactionType.BUY, InvestmentTransactionSubtype.BUY,
                    "sec-aapl", 10, 150.00, 5.00, 1505.00),
            plaid("deposit", "2024-01-02", InvestmentTransactionType.CASH, InvestmentTransactionSubtype.DEPOSIT,
                    null, 0, 0, 0, -10000.00));

    @Test
    void typesSubtypesAndSignsBecomeActivitiesOldestFirst() {
        InvestmentActivities.Mapped mapped = InvestmentActivities.map(STATEMENT, SECURITIES);

        assertEquals(List.of(), mapped.skipped());
        List<InvestmentActivities.Row> rows = mapped.rows();
        assertEquals(List.of("deposit", "buy", "dividend", "fee", "split", "sell", "interest", "withdrawal"),
                rows.stream().map(InvestmentActivities.Row::investmentTransactionId).toList());
        assertEquals(List.of(ActivityType.DEPOSIT, ActivityType.BUY, ActivityType.DIVIDEND, ActivityType.FEE,
                ActivityType.SPLIT, ActivityType.SELL, ActivityType.INTEREST, ActivityType.WITHDRAWAL),
                rows.stream().map(InvestmentActivities.Row::type).toList());

        InvestmentActivities.Row deposit = rows.get(0);
        assertEquals(new BigDecimal("10000.00"), deposit.amount(), "money in (negative at Plaid) is a deposit");
        InvestmentActivities.Row buy = rows.get(1);
        assertEquals("AAPL", buy.symbol());
        assertEquals(0, new BigDecimal("10").compareTo(buy.quantity()));
        assertEquals(0, new BigDecimal("150").compareTo(buy.price()));
        assertEquals(new BigDecimal("5.00"), buy.fee());
        assertNull(buy.amount(), "a trade's cash is its shares at its price and fee");
        InvestmentActivities.Row dividend = rows.get(2);
        assertEquals(new BigDecimal("2.40"), dividend.amount());
        assertEquals("AAPL", dividend.symbol(), "a dividend names the security that paid it");
        assertEquals(new BigDecimal("25.00"), rows.get(3).amount(), "money out (positive at Plaid) is a fee");
        assertEquals(0, new BigDecimal("4").compareTo(rows.get(4).quantity()),
                "30 new shares on the 10 held is a 4-for-1 split");
        InvestmentActivities.Row sell = rows.get(5);
        assertEquals(0, new BigDecimal("20").compareTo(sell.quantity()), "Plaid's negative quantity, unsigned");
        assertEquals(new BigDecimal("5.00"), sell.fee());
        assertEquals(new BigDecimal("1.10"), rows.get(6).amount());
        assertEquals(new BigDecimal("500.00"), rows.get(7).amount());
    }

    /**
     * Worked by hand. Cash: 10,000.00 deposited, 1,505.00 paid for 10 AAPL (150.00 each and a 5.00 commission),
     * 2.40 dividend, 25.00 fee, 895.00 received for 20 shares after the 4-for-1 split (45.00 each less 5.00),
     * 1.10 interest, 500.00 withdrawn: 10,000 - 1,505 + 2.40 - 25 + 895 + 1.10 - 500 = 8,868.50 left in the
     * account. The split makes the 10 shares at 150.50 (fee included) 40 at 37.625; FIFO sells 20 of them, cost
     * 752.50, so the realised gain is 895.00 - 752.50 = 142.50 and 20 shares costing 752.50 remain. Only the
     * deposit and the withdrawal cross the account's boundary: 9,500.00 put in.
     */
    @Test
    void theActivitiesReplayToTheHandWorkedCashHoldingsAndFlows() {
        UUID account = UUID.randomUUID();
        List<Activity> activities = InvestmentActivities.map(STATEMENT, SECURITIES).rows().stream()
                .map(row -> row.toActivity(account)).toList();
        assertTrue(activities.stream().allMatch(a -> a.getSource() == Activity.Source.PLAID
                && a.getExternalId() != null && a.getAccountId().equals(account)));

        Ledger ledger = Ledger.empty(Ledger.recordsCash(activities));
        BigDecimal flows = BigDecimal.ZERO;
        for (Activity activity : Ledger.inDateOrder(activities)) {
            flows = flows.add(ledger.apply(activity));
        }

        assertEquals(0, new BigDecimal("8868.50").compareTo(ledger.cash()), ledger.cash().toPlainString());
        assertEquals(0, new BigDecimal("9500.00").compareTo(flows), flows.toPlainString());
        Holding aapl = ledger.holdings().get(0);
        assertEquals(0, new BigDecimal("20").compareTo(aapl.quantity()));
        assertEquals(new BigDecimal("752.50"), aapl.costBasis());
        assertEquals(new BigDecimal("37.6250"), aapl.averageCost());
        assertEquals(new BigDecimal("142.50"), aapl.realisedGain());
        assertEquals(0, new BigDecimal("2.40").compareTo(ledger.dividends()));
        assertEquals(0, new BigDecimal("1.10").compareTo(ledger.interest()));
        assertEquals(0, new BigDecimal("35.00").compareTo(ledger.fees()), "two commissions and the account fee");
    }

    @Test
    void whatIsNoActivityIsLeftOutWithItsReason() {
        List<InvestmentTransaction> odd = List.of(
                plaid("cancel", "2024-03-01", InvestmentTransactionType.CANCEL, InvestmentTransactionSubtype.BUY,
                        "sec-aapl", 1, 150, 0, 150),
                plaid("no-ticker", "2024-03-01", InvestmentTransactionType.BUY, InvestmentTransactionSubtype.BUY,
                        "sec-bond", 5, 100, 0, 500),
                plaid("sweep", "2024-03-01", InvestmentTransactionType.BUY, InvestmentTransactionSubtype.BUY,
                        "sec-usd", 100, 1, 0, 100),
                plaid("merger", "2024-03-01", InvestmentTransactionType.TRANSFER, InvestmentTransactionSubtype.MERGER,
                        "sec-aapl", 3, 0, 0, 0),
                plaid("early-split", "2024-03-01", InvestmentTransactionType.TRANSFER,
                        InvestmentTransactionSubtype.SPLIT, "sec-aapl", 3, 0, 0, 0),
                plaid("refund", "2024-03-01", InvestmentTransactionType.FEE, InvestmentTransactionSubtype.ACCOUNT_FEE,
                        null, 0, 0, 0, -25),
                plaid("cash-in", "2024-03-02", InvestmentTransactionType.TRANSFER,
                        InvestmentTransactionSubtype.TRANSFER, null, 0, 0, 0, -300),
                plaid("crypto", "2024-03-02", InvestmentTransactionType.CASH, InvestmentTransactionSubtype.DEPOSIT,
                        null, 0, 0, 0, -1).isoCurrencyCode(null).unofficialCurrencyCode("BTC"));

        InvestmentActivities.Mapped mapped = InvestmentActivities.map(odd, SECURITIES);

        assertEquals(List.of("cash-in"), mapped.rows().stream().map(InvestmentActivities.Row::investmentTransactionId)
                .toList());
        assertEquals(ActivityType.DEPOSIT, mapped.rows().get(0).type(), "cash transferred in is a deposit");
        assertEquals(Set.of("cancel", "no-ticker", "sweep", "merger", "early-split", "refund", "crypto"),
                mapped.skipped().stream().map(InvestmentActivities.Skipped::investmentTransactionId)
                        .collect(Collectors.toSet()));
        assertTrue(mapped.skipped().stream().noneMatch(s -> s.reason().isBlank()));
    }
}
