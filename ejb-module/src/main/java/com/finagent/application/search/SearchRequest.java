package com.finagent.application.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated search: free text and/or symbols (at least one of them), the sources to ask (all when none are
 * named), the number of fused results wanted (1 to 100, default 20) and, for a search "as of" a past day, the
 * day before which a result must be dated ({@code before}; null for no bound). A bounded search never returns an
 * undated result: nothing shows it was known then.
 */
public record SearchRequest(String query, List<String> symbols, List<SourceName> sources, int limit,
                            LocalDate before) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_SYMBOLS = 10;
    public static final int MAX_QUERY_LENGTH = 500;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        symbols = List.copyOf(symbols);
        sources = List.copyOf(sources);
    }

    public SearchRequest(String query, List<String> symbols, List<SourceName> sources, int limit) {
        this(query, symbols, sources, limit, null);
    }

    /** This search as of {@code day}: only results dated before it. */
    public SearchRequest before(LocalDate day) {
        return new SearchRequest(query, symbols, sources, limit, day);
    }

    /** Whether {@code result} was known before the bound, if there is one. */
    public boolean admits(SearchResult result) {
        return before == null || result.date() != null && result.date().isBefore(before);
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    /**
     * Validates raw input. Problems are thrown as {@code IllegalArgumentException("field: problem")} with the
     * field names of the HTTP API ({@code q}, {@code symbols}, {@code sources}, {@code limit}).
     */
    public static SearchRequest of(String query, Collection<String> symbols, Collection<String> sources, Integer limit) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q: must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        Set<String> cleanSymbols = new LinkedHashSet<>();
        for (String raw : symbols == null ? List.<String>of() : symbols) {
            String symbol = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                continue;
            }
            if (!symbol.matches("[A-Z0-9.\\-]{1,10}")) {
                throw new IllegalArgumentException("symbols: '" + raw.strip() + "' is not a symbol (1 to 10 letters, digits, '.' or '-')");
            }
            cleanSymbols.add(symbol);
        }
        if (cleanSymbols.size() > MAX_SYMBOLS) {
            throw new IllegalArgumentException("symbols: give at most " + MAX_SYMBOLS + " symbols");
        }
        if (text.isEmpty() && cleanSymbols.isEmpty()) {
            throw new IllegalArgumentException("q: give a query (q) or symbols, or both");
        }
        Set<SourceName> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : sources == null ? List.<String>of() : sources) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            SourceName.parse(raw).ifPresentOrElse(wanted::add, () -> unknown.add(raw.strip()));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("sources: unknown source " + String.join(", ", unknown)
                    + "; use news, sec, social, market");
        }
        if (wanted.isEmpty()) {
            wanted.addAll(Arrays.asList(SourceName.values()));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
        return new SearchRequest(text, List.copyOf(cleanSymbols), List.copyOf(wanted), size);
    }
}
