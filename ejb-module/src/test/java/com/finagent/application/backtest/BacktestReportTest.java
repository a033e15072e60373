package com.finagent.application.backtest;

import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a backtest's calls become its result, on two weeks of hand-made closes. */
class BacktestReportTest {

    private static final double[] CLOSES = {100, 101, 102, 104, 103, 105, 106, 108, 107, 110};
    private static final List<LocalDate> DAYS = new ArrayList<>();

    static {
        LocalDate day = LocalDate.of(2015, 1, 5);
        while (DAYS.size() < CLOSES.length) {
            if (day.getDayOfWeek().getValue() <= 5) {
                DAYS.add(day);
            }
            day = day.plusDays(1);
        }
    }

    private static PriceSeries series() {
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < CLOSES.length; i++) {
            bars.add(new DailyBar(DAYS.get(i), CLOSES[i], CLOSES[i], CLOSES[i], CLOSES[i], 1000, false));
        }
        return new PriceSeries("ACME", "1d", "hand-made", false, bars);
    }

    private static BacktestCall call(LocalDate day, String rating, Double exposure) {
        return new BacktestCall("ACME", day, UUID.randomUUID(), rating, exposure, "", 0, 0, 0.7, null, null);
    }

    @Test
    void theDebateStrategyHoldsTheRatingsShareAndEachCallIsJudgedToTheNextRebalance() {
        BacktestQuery query = new BacktestQuery(List.of("ACME"), DAYS.get(0), DAYS.get(9), RebalanceFrequency.WEEKLY,
                "analyst", 1, 0, 10_000, 10, null);
        BacktestPlan plan = new BacktestPlan(query, Map.of("ACME", series()), 7);
        assertEquals(List.of(DAYS.get(0), DAYS.get(5)), plan.rebalances().stream().map(BacktestPlan.Rebalance::day)
                .toList(), "the Mondays of the two weeks");
        assertEquals(List.of(7L, 8L), plan.rebalances().stream()
                .map(r -> plan.request(r, UUID.randomUUID()).settings().seed()).toList(), "seeds follow the plan");

        List<BacktestCall> calls = List.of(call(DAYS.get(0), "BUY", 0.75), call(DAYS.get(5), null, null));
        Map<LocalDate, Double> spy = Map.of(DAYS.get(0), 200.0, DAYS.get(5), 202.0, DAYS.get(9), 201.0);
        BacktestResult result = BacktestReport.of(query, plan, calls, spy, Map.of("ACME", "hand-made"), null);

        BacktestResult.SymbolResult acme = result.symbols().get(0);
        EquityCurve expected = Simulation.run(plan.tracks().get("ACME"), List.of(0, 5),
                day -> day == 0 ? OptionalDouble.of(0.75) : OptionalDouble.empty(), 10_000, 10);
        assertArrayEquals(expected.values(), acme.strategies().get(0).values().stream()
                .mapToDouble(Double::doubleValue).toArray(), 1e-9, "BUY holds 75 %; no rating leaves it as it was");
        assertEquals(List.of(BacktestResult.DEBATE, RuleBaselines.BUY_AND_HOLD, "MACD", "KDJ & RSI", "ZMR", "SMA"),
                acme.strategies().stream().map(BacktestResult.StrategyResult::name).toList());
        assertEquals(110.0 / 100 - 1, acme.strategies().get(1).figures().cumulativeReturn(), 1e-3,
                "buy and hold, less one trade's 10 bp");

        BacktestCall first = acme.calls().get(0);
        assertEquals(105.0 / 100 - 1, first.symbolReturn(), 1e-12, "to the next rebalance's close");
        assertEquals(202.0 / 200 - 1, first.spyReturn(), 1e-12);
        BacktestCall last = acme.calls().get(1);
        assertEquals(110.0 / 105 - 1, last.symbolReturn(), 1e-12, "the last call runs to the last day");
        assertEquals(201.0 / 202 - 1, last.spyReturn(), 1e-12);
        assertNull(BacktestReport.of(query, plan, calls, Map.of(), Map.of(), null).symbols().get(0).calls().get(0)
                .spyReturn(), "without SPY prices a call is not measured against it");
    }
}
