package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a plan's calls into results: the debate strategy holds {@link RatingExposure}'s share after each call (a
 * day without a rating leaves the holding as it was), and each rule baseline trades the same days at the same
 * cost, so the figures compare like with like. All arithmetic is {@link Simulation} and {@link BacktestFigures}.
 */
public final class BacktestReport {

    private BacktestReport() {
    }

    /**
     * @param benchmark SPY's close by day, to measure each call against for the scorecard (empty: not measured)
     */
    public static BacktestResult of(BacktestQuery query, BacktestPlan plan, List<BacktestCall> calls,
                                    Map<LocalDate, Double> benchmark, Map<String, String> sources, String stopReason) {
        List<BacktestResult.SymbolResult> results = new ArrayList<>();
        for (String symbol : query.symbols()) {
            PriceTrack track = plan.tracks().get(symbol);
            List<Integer> days = plan.rebalanceDays(symbol);
            Map<LocalDate, BacktestCall> byDay = new HashMap<>();
            calls.stream().filter(call -> call.symbol().equals(symbol)).forEach(call -> byDay.put(call.day(), call));
            Strategy debate = day -> {
                BacktestCall call = byDay.get(track.dates().get(day));
                return call == null || call.exposure() == null ? OptionalDouble.empty()
                        : OptionalDouble.of(call.exposure());
            };
            Map<String, Strategy> strategies = new LinkedHashMap<>();
            strategies.put(BacktestResult.DEBATE, debate);
            strategies.putAll(RuleBaselines.of(track, days.get(0)));
            List<BacktestResult.StrategyResult> runs = new ArrayList<>();
            List<LocalDate> dates = null;
            for (var strategy : strategies.entrySet()) {
                EquityCurve curve = Simulation.run(track, days, strategy.getValue(), query.startingCash(),
                        query.costBasisPoints());
                dates = curve.dates();
                runs.add(new BacktestResult.StrategyResult(strategy.getKey(),
                        BacktestResult.Figures.of(BacktestFigures.of(curve, track)),
                        Arrays.stream(curve.values()).boxed().toList()));
            }
            List<BacktestCall> symbolCalls = calls.stream().filter(call -> call.symbol().equals(symbol))
                    .sorted(java.util.Comparator.comparing(BacktestCall::day))
                    .map(call -> withOutcome(call, track, days, benchmark)).toList();
            results.add(new BacktestResult.SymbolResult(symbol, sources.get(symbol), dates, runs, symbolCalls));
        }
        long tokens = calls.stream().mapToLong(BacktestCall::tokens).sum();
        return new BacktestResult(results, tokens, stopReason);
    }

    /** The call with the symbol's and SPY's returns from its day's close to the next rebalance's. */
    private static BacktestCall withOutcome(BacktestCall call, PriceTrack track, List<Integer> days,
                                            Map<LocalDate, Double> benchmark) {
        int from = track.dates().indexOf(call.day());
        int next = days.indexOf(from) + 1;
        int to = next > 0 && next < days.size() ? days.get(next) : track.days() - 1;
        if (from < 0 || to <= from) {
            return call;
        }
        Double spyFrom = benchmark.get(track.dates().get(from));
        Double spyTo = benchmark.get(track.dates().get(to));
        return call.withOutcome(track.closes()[to] / track.closes()[from] - 1,
                spyFrom == null || spyTo == null ? null : spyTo / spyFrom - 1);
    }
}
