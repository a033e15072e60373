package com.finagent.application.search;

import java.util.List;

/** A source's own ranked answer, best first, before de-duplication and fusion with the other sources. */
public record SourceAnswer(SourceStatus status, String origin, List<SearchResult> results, String message) {

    public SourceAnswer {
        results = results == null ? List.of() : List.copyOf(results);
    }

    static SourceAnswer unavailable(SourceStatus status, String origin, String message) {
        return new SourceAnswer(status, origin, List.of(), message);
    }
}
