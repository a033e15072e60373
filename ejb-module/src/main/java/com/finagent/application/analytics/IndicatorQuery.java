package com.finagent.application.analytics;

import java.util.List;
import java.util.Set;

/**
 * Bars and the indicators to compute over them. {@code highs} and {@code lows} are needed for KDJ and ATR.
 * Periods default to the conventional ones: SMA/EMA 20, RSI 14, MACD 12/26/9, Bollinger 20 x 2, KDJ 9/3/3, ATR 14.
 */
public record IndicatorQuery(List<Double> closes, List<Double> highs, List<Double> lows, Set<String> indicators,
                             Integer period) {

    public static final Set<String> KNOWN = Set.of("sma", "ema", "rsi", "macd", "bollinger", "kdj", "atr");
}
