package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A finished backtest: per symbol, the debate strategy's figures and equity curve against the rule baselines on
 * the same days and costs, and every rebalance day's call. Figures that cannot be computed (a Sharpe ratio of a
 * flat curve, a hit rate without calls) are null.
 *
 * @param stopReason why fewer debates ran than planned (cancelled, token budget), null when all ran
 */
public record BacktestResult(List<SymbolResult> symbols, long tokens, String stopReason) {

    /**
     * One symbol's backtest.
     *
     * @param source     where its prices came from
     * @param dates      the days of the curves, from the first rebalance day to the end
     * @param strategies the debate's strategy ({@link #DEBATE}) first, then the baselines in the paper's order (a
     *                   list, as stored JSON keeps no order of an object's keys)
     * @param calls      the debate's call on each rebalance day, in date order
     */
    public record SymbolResult(String symbol, String source, List<LocalDate> dates, List<StrategyResult> strategies,
                               List<BacktestCall> calls) {
    }

    /**
     * One strategy's run over a symbol's days.
     *
     * @param name    {@link #DEBATE} or a baseline of {@link RuleBaselines}
     * @param values  its value at each of the symbol result's dates
     */
    public record StrategyResult(String name, Figures figures, List<Double> values) {
    }

    /** The name of the strategy that follows the debates' ratings. */
    public static final String DEBATE = "Debate";

    /** {@link BacktestFigures} for JSON, where a figure that is not a number is null. */
    public record Figures(Double cumulativeReturn, Double annualReturn, Double sharpeRatio, Double maxDrawdown,
                          Double hitRate, int calls, Double turnover, Double costs, int trades) {

        static Figures of(BacktestFigures f) {
            return new Figures(finite(f.cumulativeReturn()), finite(f.annualReturn()), finite(f.sharpeRatio()),
                    finite(f.maxDrawdown()), finite(f.hitRate()), f.calls(), finite(f.turnover()), finite(f.costs()),
                    f.trades());
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }
}
