package com.finagent.application.macro;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One economic figure as the agents quote it: its metric name (the agents' vocabulary, e.g. {@code inflationYoY}),
 * value and units, the date of the observation it rests on, and the FRED series it comes from.
 *
 * @param metric   metric name of {@link com.finagent.agents.model.AgentProtocol}
 * @param label    what the figure is, in words
 * @param value    the figure in {@code units}
 * @param units    percent, percentage points, basis points or thousand jobs
 * @param date     date of the (latest) observation behind it, as FRED dates periods: a month is its first day
 * @param source   {@code fred}
 * @param seriesId the FRED series, e.g. {@code CPIAUCSL}
 * @param basis    how it was read: the published value, or the two observations a change is computed from
 * @param url      the series' page on FRED, for citations
 */
public record MacroFigure(String metric, String label, double value, String units, LocalDate date, String source,
                          String seriesId, String basis, String url) implements Serializable {

    public static final String SOURCE = "fred";
    public static final String PERCENT = "percent";

    /** The value with its unit, as a sentence quotes it: {@code 2.9%}, {@code -25 basis points}. */
    public String text() {
        String number = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return units.equals(PERCENT) ? number + "%" : number + " " + units;
    }
}
