package com.finagent.application.search;

import java.time.LocalDate;
import java.util.List;

/**
 * Something that can be found: its {@code text} is indexed and gives the snippet, {@code keywords} are indexed
 * too but never shown (a filing's form description, a headline's topic), {@code symbols} are the tickers it is
 * tagged with. Documents sharing a {@code group} (the passages of one filing) count as one result, found
 * through their best passage. A {@code prematched} document was already selected by a remote service for the
 * query text (EDGAR full-text search), so it need not match the text again here.
 */
public record SearchDocument(String key, String origin, String title, String text, String keywords, String url,
                             LocalDate date, List<String> symbols, String group, boolean prematched) {

    public SearchDocument {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        text = text == null ? "" : text;
    }

    String groupKey() {
        return group != null ? group : key;
    }

    /** This document as a result of {@code source}: its snippet is the passage of its text that best matches the query. */
    SearchResult toResult(SourceName source, String query, double score) {
        return new SearchResult(source.id(), origin, Snippets.shorten(title, Snippets.TITLE_LENGTH),
                Snippets.around(text, query, Snippets.SNIPPET_LENGTH), url, date, symbols, score);
    }
}
