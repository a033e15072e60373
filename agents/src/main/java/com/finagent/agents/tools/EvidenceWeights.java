package com.finagent.agents.tools;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How much one text of the evidence counts when texts are pooled (the tone of a symbol's news flow), by its source
 * and by its age. The weights, documented here and in the README:
 * <table>
 *     <caption>source weights</caption>
 *     <tr><th>source</th><th>weight</th></tr>
 *     <tr><td>filings</td><td>1.0</td></tr>
 *     <tr><td>news from a publisher or wire (macro, rates and sector news too)</td><td>1.0</td></tr>
 *     <tr><td>analyst notes</td><td>0.8</td></tr>
 *     <tr><td>finance-news posts on Twitter (the offline news corpus)</td><td>0.6</td></tr>
 *     <tr><td>social posts (StockTwits, tweets)</td><td>0.4</td></tr>
 *     <tr><td>anything else</td><td>0.5</td></tr>
 * </table>
 * Age halves the weight every {@link #HALF_LIFE_DAYS} days before the reference date (the newest dated text of the
 * evidence, so a replay or an as-of debate weighs alike); an undated text counts {@link #UNDATED} of a fresh one.
 */
public final class EvidenceWeights {

    /** Days after which a text counts half as much as a fresh one. */
    public static final double HALF_LIFE_DAYS = 30;
    /** Age factor of a text without a date. */
    public static final double UNDATED = 0.5;
    /** Words in an item's source that mark a finance-news post on Twitter. */
    private static final String TWITTER_NEWS = "finance-news post on twitter";

    private EvidenceWeights() {
    }

    /** The source's weight from the item's category and source, as in the table above. */
    public static double source(EvidenceItem item) {
        return source(item.category(), item.source());
    }

    /** The source's weight of a text of {@code category} from {@code source}. */
    public static double source(String category, String source) {
        String from = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (from.contains(TWITTER_NEWS)) {
            return 0.6;
        }
        return switch (category == null ? "" : category) {
            case "filing", "news", "macro", "rates", "sector" -> 1.0;
            case "analyst" -> 0.8;
            case "social" -> 0.4;
            default -> 0.5;
        };
    }

    /** The age factor of a text dated {@code date} (ISO-8601 date or date-time, may be null) at {@code reference}. */
    public static double age(String date, LocalDate reference) {
        LocalDate day = day(date);
        if (day == null || reference == null) {
            return UNDATED;
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(day, reference));
        return Math.pow(0.5, days / HALF_LIFE_DAYS);
    }

    /** The day of an ISO-8601 date or date-time, null when there is none or it cannot be read. */
    public static LocalDate day(String date) {
        if (date == null || date.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(date.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
