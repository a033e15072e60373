package com.finagent.application.marketdata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest price of a symbol and where it came from. A {@code simulated} quote is the offline feed's
 * intraday continuation of {@code previousClose}, the last real close (of {@code previousCloseDate}).
 */
public record Quote(String symbol, double price, double previousClose, LocalDate previousCloseDate, double change,
                    double changePercent, Instant timestamp, String source, boolean simulated, boolean cached) {
}
