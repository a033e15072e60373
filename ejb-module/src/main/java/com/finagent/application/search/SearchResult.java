package com.finagent.application.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One ranked hit: the source that found it ({@code news}, {@code sec}, {@code social}, {@code market}), where
 * exactly it came from ({@code origin}, e.g. "Polygon.io · Reuters" or an offline corpus), a short title and
 * snippet (about 200 characters: the offline corpora may be searched but not republished), a link when one can
 * be derived, its date when known, the symbols it is about, and its fused score (higher is better).
 */
public record SearchResult(String source, String origin, String title, String snippet, String url, LocalDate date,
                           List<String> symbols, double score) {

    public SearchResult {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    SearchResult withScore(double newScore) {
        return new SearchResult(source, origin, title, snippet, url, date, symbols, newScore);
    }
}
