package com.finagent.application.search;

/**
 * What one source did in a search: its status, where its answer came from, how long it took, how many results
 * it gave (before fusion), whether its part of the answer is partial, and a message for anything but a plain
 * live answer.
 */
public record SourceReport(String source, SourceStatus status, String origin, long millis, int results,
                           boolean partial, String message) {
}
