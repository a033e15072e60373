package com.finagent.application.backtest;

import com.finagent.application.analytics.PerformanceMeasures;

/**
 * The figures of an equity curve, as the TradingAgents paper reports them (arXiv 2412.20138, Table 1): cumulative
 * return, annualised return (252 trading days a year), Sharpe ratio of daily returns annualised by sqrt(252) with
 * no risk-free rate, and maximum drawdown; with the hit rate, turnover and costs.
 *
 * @param hitRate the share of bullish calls (more than half held) followed by a rise of the symbol until the next
 *                rebalance, and of bearish calls (less than half) followed by a fall; NaN with no such calls
 */
public record BacktestFigures(double cumulativeReturn, double annualReturn, double sharpeRatio, double maxDrawdown,
                              double hitRate, int calls, double turnover, double costs, int trades) {

    private static final int TRADING_DAYS = 252;

    public static BacktestFigures of(EquityCurve curve, PriceTrack track) {
        double[] values = curve.values();
        double[] returns = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            returns[i - 1] = values[i] / values[i - 1] - 1;
        }
        double cumulative = values.length == 0 ? 0 : values[values.length - 1] / values[0] - 1;
        double annual = returns.length == 0 ? 0
                : Math.pow(1 + cumulative, (double) TRADING_DAYS / returns.length) - 1;
        double sharpe = returns.length < 2 ? Double.NaN
                : PerformanceMeasures.sharpeRatio(returns, 0, TRADING_DAYS);
        double drawdown = PerformanceMeasures.maxDrawdown(returns);
        int offset = track.days() - values.length;
        int hits = 0;
        int calls = 0;
        for (int k = 0; k < curve.rebalanceDays().length; k++) {
            double exposure = curve.exposures()[k];
            if (Double.isNaN(exposure) || exposure == 0.5) {
                continue;
            }
            int from = curve.rebalanceDays()[k] + offset;
            int to = k + 1 < curve.rebalanceDays().length ? curve.rebalanceDays()[k + 1] + offset : track.days() - 1;
            if (to <= from) {
                continue;
            }
            boolean rose = track.closes()[to] > track.closes()[from];
            calls++;
            if (rose == exposure > 0.5) {
                hits++;
            }
        }
        return new BacktestFigures(cumulative, annual, sharpe, drawdown, calls == 0 ? Double.NaN
                : (double) hits / calls, calls, curve.turnover(), curve.costs(), curve.trades());
    }
}
