package com.finagent.application.search;

/**
 * One place to search. Implementations may block (remote calls, building an index); the caller runs each on
 * its own thread with a timeout. A failure may be thrown: the caller turns it into a failed source.
 */
public interface SearchSource {

    SourceName name();

    SourceAnswer search(SearchRequest request);

    /** Why this source may be late right now (e.g. an index still being built), for the time-out message; or null. */
    default String lateReason() {
        return null;
    }
}
