package com.finagent.application.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.util.List;

/**
 * The live search services behind MicroProfile Fault Tolerance circuit breakers, one per service (one per
 * method): after three failures in the last four calls a service is skipped for 30 s, so a search does not
 * spend its time budget on a service that is down. There is no retry: a search waits about 3 s per source,
 * too little to try twice, and the search's own deadline is the time-out.
 */
@ApplicationScoped
// Delay in milliseconds: Payara 6.2025.10 schedules the half-open transition with the raw number as
// milliseconds whatever its delayUnit (see GuardedProvider).
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
public class GuardedFeeds {

    public List<SearchDocument> news(RemoteFeed feed, SearchRequest request) {
        return feed.fetch(request);
    }

    public List<SearchDocument> filings(RemoteFeed feed, SearchRequest request) {
        return feed.fetch(request);
    }

    public List<SearchDocument> social(RemoteFeed feed, SearchRequest request) {
        return feed.fetch(request);
    }
}
