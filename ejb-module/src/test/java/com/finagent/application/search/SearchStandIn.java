package com.finagent.application.search;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for a remote service on a loopback port: tests stub its answers (a status and a JSON
 * body, optionally after a delay) and read the requests back from its journal; anything unstubbed is a JSON 404.
 * Public for the tests of the other remote clients (FRED).
 */
public final class SearchStandIn implements AutoCloseable {

    /** Stubs made with {@link #answer} win over the catch-all 404; narrower stubs take a priority below 5. */
    public static final int ANSWER_PRIORITY = 5;

    public record Answer(int status, String json, long delayMillis) {
        public static Answer ok(String json) {
            return new Answer(200, json, 0);
        }

        public ResponseDefinitionBuilder response() {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(json).withFixedDelay((int) delayMillis);
        }
    }

    public record Request(String path, Map<String, String> query, String userAgent) {
    }

    private final WireMockServer server;

    public SearchStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(ANSWER_PRIORITY * 2)
                .willReturn(new Answer(404, "{\"status\":\"NOT_FOUND\"}", 0).response()));
    }

    public SearchStandIn stub(MappingBuilder mapping) {
        server.stubFor(mapping);
        return this;
    }

    /** Answers every GET of {@code path}, whatever its query. */
    public SearchStandIn answer(String path, Answer answer) {
        return stub(get(urlPathEqualTo(path)).atPriority(ANSWER_PRIORITY).willReturn(answer.response()));
    }

    /** Removes the stubs whose metadata {@code pattern} matches. */
    public void removeStubsByMetadata(StringValuePattern pattern) {
        server.removeStubsByMetadata(pattern);
    }

    public String url() {
        return server.baseUrl();
    }

    /** The requests so far, in arrival order. */
    public List<Request> requests() {
        return server.findAll(anyRequestedFor(anyUrl())).stream().map(SearchStandIn::request).toList();
    }

    /** Forgets the requests so far. */
    public void forgetRequests() {
        server.resetRequests();
    }

    private static Request request(LoggedRequest logged) {
        Map<String, String> query = new LinkedHashMap<>();
        logged.getQueryParams().forEach((name, values) -> query.put(name, values.firstValue()));
        return new Request(URI.create(logged.getAbsoluteUrl()).getPath(), query, logged.getHeader("User-Agent"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
