package com.finagent.application.market.provider;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** MicroProfile Rest Clients for the market-data providers: short connect and read timeouts. */
final class RestClients {

    private RestClients() {
    }

    static <T> T build(String baseUrl, Class<T> api) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(baseUrl))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(4, TimeUnit.SECONDS).build(api);
    }
}
