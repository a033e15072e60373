package com.finagent.application.market.provider;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One day (or aggregated week or month) of prices. {@code closeOnly} bars come from close-only sources:
 * their open, high and low repeat the close and their volume is 0.
 */
public record DailyBar(LocalDate date, double open, double high, double low, double close, long volume,
                       boolean closeOnly) implements Serializable {

    public static DailyBar closeOnly(LocalDate date, double close) {
        return new DailyBar(date, close, close, close, close, 0, true);
    }
}
