package com.finagent.application.backtest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    private static List<LocalDate> weekdays(LocalDate from, int count) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; dates.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                dates.add(d);
            }
        }
        return dates;
    }

    /**
     * Worked by hand: closes 10, 11, 12, 11, 13; 1,000 cash; 10 bp a trade. Day 0 buys everything the cash
     * allows with its cost: 1,000 / 1.001 = 999.000999 of stock (99.9000999 shares), cost 0.999001. Day 2 (close
     * 12, value 1,198.801199) goes to half: sells 599.400599, cost 0.599401, cash 598.801199, 49.95005 shares,
     * closing at 1,198.201798, the peak. Day 3: 1,148.251748, the deepest fall from it. Day 4: 49.95005 x 13 +
     * 598.801199 = 1,248.151848.
     */
    @Test
    void tradesAtTheCloseToTheAskedShareAndPaysItsCosts() {
        PriceTrack track = PriceTrack.ofCloses("X", weekdays(LocalDate.of(2021, 1, 4), 5),
                new double[]{10, 11, 12, 11, 13});
        Map<Integer, Double> calls = Map.of(0, 1.0, 2, 0.5);
        Strategy strategy = day -> calls.containsKey(day) ? OptionalDouble.of(calls.get(day)) : OptionalDouble.empty();

        EquityCurve curve = Simulation.run(track, List.of(0, 2), strategy, 1_000, 10);

        assertEquals(999.000999, curve.values()[0], 1e-6);
        assertEquals(1_098.901099, curve.values()[1], 1e-6);
        assertEquals(1_198.201798, curve.values()[2], 1e-6);
        assertEquals(1_148.251748, curve.values()[3], 1e-6);
        assertEquals(1_248.151848, curve.values()[4], 1e-6);
        assertEquals(0.999001 + 0.599401, curve.costs(), 1e-6);
        assertEquals(2, curve.trades());

        BacktestFigures figures = BacktestFigures.of(curve, track);
        assertEquals(1_248.151848 / 999.000999 - 1, figures.cumulativeReturn(), 1e-9);
        double annual = Math.pow(1_248.151848 / 999.000999, 252.0 / 4) - 1;
        assertEquals(annual, figures.annualReturn(), annual * 1e-7, "compounded over 252 / 4 periods");
        assertEquals(1_148.251748 / 1_198.201798 - 1, figures.maxDrawdown(), 1e-9);
        assertEquals(1.0, figures.hitRate(), 0.0);
        assertEquals(1, figures.calls(), "the hold at day 2 is not a call");
    }

    @Test
    void noCallKeepsTheHoldingAndABuyNeverSpendsMoreThanTheCash() {
        PriceTrack track = PriceTrack.ofCloses("X", weekdays(LocalDate.of(2021, 1, 4), 4), new double[]{10, 20, 5, 10});

        EquityCurve curve = Simulation.run(track, List.of(0, 1, 2), day -> day == 0 ? OptionalDouble.of(2.0)
                : OptionalDouble.empty(), 100, 0);

        assertArrayEquals(new double[]{100, 200, 50, 100}, curve.values(), 1e-9);
        assertTrue(Double.isNaN(curve.exposures()[1]));
    }

    @Test
    void weeklyAndMonthlyRebalanceOnTheFirstTradingDayOfEach() {
        List<LocalDate> dates = weekdays(LocalDate.of(2021, 1, 27), 10);

        assertEquals(List.of(0, 3, 8), RebalanceFrequency.WEEKLY.days(dates, dates.get(0), dates.get(9)));
        assertEquals(List.of(0, 3), RebalanceFrequency.MONTHLY.days(dates, dates.get(0), dates.get(9)));
        assertEquals(List.of(3, 8), RebalanceFrequency.WEEKLY.days(dates, LocalDate.of(2021, 1, 30), dates.get(9)));
    }

    /** A price jump planted after a rebalance day must not change any baseline's call on that day. */
    @Test
    void ruleBaselinesDecideFromThePreviousCloseOnly() {
        double[] closes = IntStream.range(0, 120).mapToDouble(i -> 100 + 10 * Math.sin(i / 7.0)).toArray();
        double[] planted = closes.clone();
        for (int i = 90; i < planted.length; i++) {
            planted[i] = planted[i] * 3;
        }
        List<LocalDate> dates = weekdays(LocalDate.of(2015, 1, 5), 120);
        Map<String, Strategy> honest = RuleBaselines.of(PriceTrack.ofCloses("X", dates, closes), 60);
        Map<String, Strategy> withFuture = RuleBaselines.of(PriceTrack.ofCloses("X", dates, planted), 60);

        for (String name : honest.keySet()) {
            for (int day = 60; day <= 90; day++) {
                assertEquals(honest.get(name).exposure(day), withFuture.get(name).exposure(day), name + " on day " + day);
            }
        }
        assertEquals(List.of("Buy and hold", "MACD", "KDJ & RSI", "ZMR", "SMA"), List.copyOf(honest.keySet()));
        assertTrue(honest.get("SMA").exposure(30).isEmpty(), "SMA(50) has no call before 50 closes");
    }

    @Test
    void ratingsMapToTheDocumentedShares() {
        assertEquals(OptionalDouble.of(1.0), RatingExposure.of("STRONG_BUY"));
        assertEquals(OptionalDouble.of(0.75), RatingExposure.of("buy"));
        assertEquals(OptionalDouble.of(0.5), RatingExposure.of("HOLD"));
        assertEquals(OptionalDouble.of(0.0), RatingExposure.of("strong sell"));
        assertTrue(RatingExposure.of(null).isEmpty(), "insufficient evidence is no call");
    }
}
