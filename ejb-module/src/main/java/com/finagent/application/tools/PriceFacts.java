package com.finagent.application.tools;

import com.finagent.agents.tools.ToolResult;
import com.finagent.application.analytics.PerformanceMeasures;
import com.finagent.application.analytics.Returns;
import com.finagent.application.analytics.TechnicalIndicators;
import com.finagent.application.analytics.ValueAtRisk;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the agents' price tools report, computed by the analytics core from a daily series as given: today's
 * full history for a live debate, the history up to the previous close for a backtest's debate "as of" a day. So a
 * backtest's agents see the same figures, by the same code, that a live debate would have seen then.
 */
public final class PriceFacts {

    private static final int TRADING_DAYS = 252;

    private PriceFacts() {
    }

    /** Returns over 1, 3 and 12 months, the 52-week range and the 50- and 200-day averages at the last close. */
    public static ToolResult history(PriceSeries series) {
        double[] closes = closes(series.bars());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("price", closes[closes.length - 1]);
        putReturn(metrics, "return1m", closes, 21);
        putReturn(metrics, "return3m", closes, 63);
        putReturn(metrics, "return1y", closes, TRADING_DAYS);
        double[] lastYear = Arrays.copyOfRange(closes, Math.max(0, closes.length - TRADING_DAYS), closes.length);
        metrics.put("high52w", Arrays.stream(lastYear).max().orElseThrow());
        metrics.put("low52w", Arrays.stream(lastYear).min().orElseThrow());
        putLast(metrics, "sma50", TechnicalIndicators.sma(closes, 50));
        putLast(metrics, "sma200", TechnicalIndicators.sma(closes, 200));
        return ToolResult.ofMetrics(series.symbol(), series.source(), lastDate(series).toString(), metrics);
    }

    /** RSI(14), MACD(12,26,9) histogram, 50- and 200-day averages, Bollinger %B (20, 2) and ATR(14). */
    public static ToolResult indicators(PriceSeries series) {
        double[] closes = closes(series.bars());
        double[] highs = series.bars().stream().mapToDouble(DailyBar::high).toArray();
        double[] lows = series.bars().stream().mapToDouble(DailyBar::low).toArray();
        Map<String, Double> metrics = new LinkedHashMap<>();
        putLast(metrics, "rsi14", TechnicalIndicators.rsi(closes, 14));
        putLast(metrics, "macdHistogram", TechnicalIndicators.macd(closes, 12, 26, 9).histogram());
        putLast(metrics, "sma50", TechnicalIndicators.sma(closes, 50));
        putLast(metrics, "sma200", TechnicalIndicators.sma(closes, 200));
        var bands = TechnicalIndicators.bollinger(closes, 20, 2);
        int last = closes.length - 1;
        double width = bands.upper()[last] - bands.lower()[last];
        if (Double.isFinite(width) && width > 0) {
            metrics.put("bollingerPctB", (closes[last] - bands.lower()[last]) / width);
        }
        putLast(metrics, "atr14", TechnicalIndicators.atr(highs, lows, closes, 14));
        return ToolResult.ofMetrics(series.symbol(), series.source() + " (indicators: analytics)",
                lastDate(series).toString(), metrics);
    }

    /** Volatility, 1-day historical VaR and expected shortfall at 95 %, drawdown and Sharpe over the last 2 years. */
    public static ToolResult risk(PriceSeries series) {
        double[] closes = closes(series.bars());
        double[] returns = Returns.simple(Arrays.copyOfRange(closes, Math.max(0, closes.length - 2 * TRADING_DAYS - 1),
                closes.length));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("volatility", PerformanceMeasures.annualVolatility(returns, TRADING_DAYS));
        metrics.put("var95", -ValueAtRisk.historical(returns, 0.95));
        metrics.put("expectedShortfall95", -ValueAtRisk.historicalExpectedShortfall(returns, 0.95));
        metrics.put("maxDrawdown", Math.abs(PerformanceMeasures.maxDrawdown(returns)));
        double sharpe = PerformanceMeasures.sharpeRatio(returns, 0.02 / TRADING_DAYS, TRADING_DAYS);
        if (Double.isFinite(sharpe)) {
            metrics.put("sharpe", sharpe);
        }
        return ToolResult.ofMetrics(series.symbol(), series.source() + " (risk: analytics, last 2 years)",
                lastDate(series).toString(), metrics);
    }

    static LocalDate lastDate(PriceSeries series) {
        return series.bars().get(series.bars().size() - 1).date();
    }

    private static double[] closes(List<DailyBar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no price history");
        }
        return bars.stream().mapToDouble(DailyBar::close).toArray();
    }

    private static void putReturn(Map<String, Double> metrics, String name, double[] closes, int periods) {
        if (closes.length > periods) {
            metrics.put(name, closes[closes.length - 1] / closes[closes.length - 1 - periods] - 1);
        }
    }

    private static void putLast(Map<String, Double> metrics, String name, double[] series) {
        if (series.length > 0 && Double.isFinite(series[series.length - 1])) {
            metrics.put(name, series[series.length - 1]);
        }
    }
}
