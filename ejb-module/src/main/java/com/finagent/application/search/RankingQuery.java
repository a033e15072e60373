package com.finagent.application.search;

import java.time.LocalDate;
import java.util.List;

/**
 * What to rank by: free text, and the symbols (with their companies' names, e.g. "apple" for AAPL) that a
 * document must be about when any are given; with {@code before}, only documents dated before that day.
 */
public record RankingQuery(String text, List<String> symbols, List<String> companyNames, LocalDate before) {

    public RankingQuery {
        text = text == null ? "" : text.strip();
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        companyNames = companyNames == null ? List.of() : List.copyOf(companyNames);
    }

    public RankingQuery(String text, List<String> symbols, List<String> companyNames) {
        this(text, symbols, companyNames, null);
    }

    /** The ranking of {@code request}'s text and symbols, within its date bound. */
    static RankingQuery of(SearchRequest request, List<String> companyNames) {
        return new RankingQuery(request.query(), request.symbols(), companyNames, request.before());
    }
}
