package com.finagent.application.search;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * MicroProfile Rest Clients for the search services. The read time-out is the source's own time-out, so a
 * call that the search has given up on does not hold a thread for long after.
 */
public final class SearchRestClients {

    private SearchRestClients() {
    }

    public static <T> T build(String baseUrl, Class<T> api, Duration timeout) {
        long millis = Math.max(100, timeout.toMillis());
        return RestClientBuilder.newBuilder().baseUri(URI.create(baseUrl))
                .connectTimeout(Math.min(millis, 2000), TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .build(api);
    }
}
