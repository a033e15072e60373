package com.finagent.agents.tools;

/**
 * One piece of evidence an agent may cite by {@link #id()}: a news article, a social post, a filing excerpt, a
 * macro or rates headline, or a published statistic with its series and date.
 *
 * @param id        stable identifier, unique within a debate; arguments cite it. A tool may leave it null: the
 *                  adapter then names the item after its result
 * @param source    publisher or system it came from, e.g. "Reuters", "SEC 10-Q", "fixture"
 * @param title     headline
 * @param snippet   short excerpt the agent reads
 * @param url       link to the original, may be null
 * @param date      ISO-8601 date or date-time, may be null
 * @param symbol    ticker it concerns, null for market-wide items
 * @param category  news, social, filing, macro, rates, sector, analyst or {@link #STATISTIC}; decides which
 *                  mandates weigh it
 * @param sentiment sentiment score in [-1, 1], null when not scored
 */
public record EvidenceItem(String id, String source, String title, String snippet, String url, String date,
                           String symbol, String category, Double sentiment) {

    /**
     * Category of an item that states one figure of its tool result as published (e.g. by FRED): its source names
     * the series, its date is the observation's, its title the figure. Not news, so never scored for sentiment.
     */
    public static final String STATISTIC = "statistic";

    public EvidenceItem {
        if (id != null && (id.isBlank() || id.contains("#"))) {
            throw new IllegalArgumentException("an evidence item id must not be blank or contain '#'");
        }
        if (sentiment != null && (sentiment.isNaN() || sentiment < -1 || sentiment > 1)) {
            throw new IllegalArgumentException("sentiment of " + id + " must lie in [-1, 1]");
        }
    }

    public EvidenceItem withId(String newId) {
        return new EvidenceItem(newId, source, title, snippet, url, date, symbol, category, sentiment);
    }
}
