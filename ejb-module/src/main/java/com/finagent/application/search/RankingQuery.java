package com.finagent.application.search;

import java.util.List;

/**
 * What to rank by: free text, and the symbols (with their companies' names, e.g. "apple" for AAPL) that a
 * document must be about when any are given.
 */
public record RankingQuery(String text, List<String> symbols, List<String> companyNames) {

    public RankingQuery {
        text = text == null ? "" : text.strip();
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        companyNames = companyNames == null ? List.of() : List.copyOf(companyNames);
    }
}
