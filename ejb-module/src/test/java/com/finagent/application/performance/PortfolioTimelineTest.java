package com.finagent.application.performance;

import com.finagent.application.performance.PerformanceReport.PeriodReturn;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.Activity.Source;
import com.finagent.persistence.portfolio.ActivityType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PortfolioTimelineTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final LocalDate MON = LocalDate.of(2021, 1, 4);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);

    private static NavigableMap<LocalDate, Double> closes(double mon, double tue, double wed) {
        return new TreeMap<>(Map.of(MON, mon, TUE, tue, WED, wed));
    }

    private static Activity cash(LocalDate date, ActivityType type, String amount) {
        return Activity.cash(ACCOUNT, date, type, null, new BigDecimal(amount), "USD", Source.MANUAL);
    }

    private static Activity buy(LocalDate date, String quantity, String price, String fee) {
        return Activity.trade(ACCOUNT, date, ActivityType.BUY, "AAPL", new BigDecimal(quantity),
                new BigDecimal(price), new BigDecimal(fee), "USD", Source.MANUAL);
    }

    /**
     * Worked by hand. 1,000 deposited and 10 AAPL bought at 100 on Monday (close 100): value 1,000. Tuesday's
     * close 110: value 1,100, growth 1.10. On Wednesday 500 more is deposited and AAPL closes at 99: value
     * 990 + 500 = 1,490, the day's return 1,490 / (1,100 + 500) - 1 = -6.875 %, growth 1.10 x 0.93125 =
     * 1.024375. The drawdown from Tuesday's peak is -6.875 %. XIRR solves -1,000 (Mon), -500 (Wed), +1,490 (Wed).
     */
    @Test
    void valuesEachCloseAndChainsTheDailyReturnsAroundTheDeposits() {
        PortfolioTimeline timeline = new PortfolioTimeline(
                List.of(cash(MON, ActivityType.DEPOSIT, "1000"), buy(MON, "10", "100", "0"),
                        cash(WED, ActivityType.DEPOSIT, "500")),
                Map.of("AAPL", closes(100, 110, 99)), closes(200, 210, 190));

        PerformanceReport report = timeline.report("USD", "SPY", "method", List.of());

        assertEquals(List.of(1000.0, 1100.0, 1490.0), report.series().stream().map(p -> p.value()).toList());
        assertEquals(1.024375, report.series().get(2).growth(), 1e-12);
        assertEquals(0.95, report.series().get(2).benchmarkGrowth(), 1e-12);
        assertEquals(-0.06875, report.maxDrawdown(), 1e-12);
        PeriodReturn all = report.returns().stream().filter(r -> r.period().equals("ALL")).findFirst().orElseThrow();
        assertEquals(0.024375, all.timeWeighted(), 1e-12);
        assertEquals(-0.05, all.benchmark(), 1e-12);
        double xirr = all.moneyWeighted();
        double presentValue = -1000 - 500 / Math.pow(1 + xirr, 2 / 365.0) + 1490 / Math.pow(1 + xirr, 2 / 365.0);
        assertEquals(0, presentValue, 1e-6);
        assertEquals(new BigDecimal("-10.00"), report.totals().unrealisedGain());
        assertEquals(new BigDecimal("500.00"), report.totals().cash());
    }

    /**
     * Without cash records the buy is the money put in: 10 AAPL at 100 with a 1.00 fee on Monday (close 100) is a
     * flow of 1,001 and a value of 1,000, so the first day's return is the fee's loss, 1,000 / 1,001 - 1.
     */
    @Test
    void withoutCashRecordsTheBuyIsTheFlowAndItsFeeALoss() {
        PortfolioTimeline timeline = new PortfolioTimeline(List.of(buy(MON, "10", "100", "1")),
                Map.of("AAPL", closes(100, 110, 99)), new TreeMap<>());

        PerformanceReport report = timeline.report("USD", "SPY", "method", List.of());

        assertEquals(1000.0 / 1001.0, report.series().get(0).growth(), 1e-12);
        assertEquals(0.99 * 1000.0 / 1001.0 - 1, report.returns().stream()
                .filter(r -> r.period().equals("ALL")).findFirst().orElseThrow().timeWeighted(), 1e-12);
        assertNull(report.series().get(0).benchmarkGrowth());
        assertEquals(new BigDecimal("1001.00"), report.totals().netInvested());
    }

    /**
     * Activities after the last close (Plaid's recent history against the offline closes that end in 2018) still
     * count: 10 bought on Monday at 100, 5 more on Friday after Wednesday's last close, at 120. Friday is valued
     * at Wednesday's close of 99 for the 15 shares held: 1,485.
     */
    @Test
    void activitiesAfterTheLastCloseAreReplayedOnTheirOwnDays() {
        LocalDate friday = MON.plusDays(4);
        PortfolioTimeline timeline = new PortfolioTimeline(
                List.of(buy(MON, "10", "100", "0"), buy(friday, "5", "120", "0")),
                Map.of("AAPL", closes(100, 110, 99)), closes(200, 210, 190));

        PerformanceReport report = timeline.report("USD", "SPY", "method", List.of());

        assertEquals(List.of(MON, TUE, WED, friday), report.series().stream().map(p -> p.date()).toList());
        assertEquals(1485.0, report.series().get(3).value(), 1e-9);
        assertEquals(0, new BigDecimal("15").compareTo(report.holdings().get(0).holding().quantity()));
    }

    @Test
    void aWindowLongerThanTheHistoryIsLeftOut() {
        PortfolioTimeline timeline = new PortfolioTimeline(List.of(buy(MON, "10", "100", "0")),
                Map.of("AAPL", closes(100, 110, 99)), closes(200, 210, 190));

        List<String> periods = timeline.report("USD", "SPY", "m", List.of()).returns().stream()
                .map(PeriodReturn::period).toList();

        assertEquals(List.of("ALL"), periods);
    }
}
