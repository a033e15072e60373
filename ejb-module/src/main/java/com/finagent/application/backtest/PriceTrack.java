package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.List;

/** One symbol's daily bars in date order: what a backtest trades on and its rule baselines read. */
public record PriceTrack(String symbol, List<LocalDate> dates, double[] closes, double[] highs, double[] lows) {

    public PriceTrack {
        if (dates.size() != closes.length || closes.length != highs.length || highs.length != lows.length) {
            throw new IllegalArgumentException("dates, closes, highs and lows must have one entry per day");
        }
    }

    /** A track of closes only (highs and lows repeat the close). */
    public static PriceTrack ofCloses(String symbol, List<LocalDate> dates, double[] closes) {
        return new PriceTrack(symbol, dates, closes, closes.clone(), closes.clone());
    }

    public int days() {
        return closes.length;
    }
}
