package com.finagent.application.market;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest price of a symbol and where it came from. A {@code simulated} quote is the offline feed's
 * intraday continuation of {@code previousClose}, the last real close (of {@code previousCloseDate}). The
 * previous close and the change are absent when the source that answered could not supply them.
 */
public record Quote(String symbol, double price, Double previousClose, LocalDate previousCloseDate, Double change,
                    Double changePercent, Instant timestamp, String source, boolean simulated, boolean cached)
        implements Serializable {
}
