package com.finagent.agents.chat;

import com.finagent.agents.model.CanonicalJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A provider's API on a loopback port for the wire tests: a WireMock server whose stubs each test declares, the
 * requests it received, and the pieces answers are made of (a JSON body, server-sent events, a stream that is held
 * back, stalls or is cut short).
 */
final class WireServer implements AutoCloseable {

    /** Gap between the chunks of a stream sent piece by piece. */
    private static final int CHUNK_INTERVAL_MS = 30;

    private final WireMockServer server;
    private final AtomicInteger completed = new AtomicInteger();

    WireServer() {
        ServeEventListener completions = new ServeEventListener() {
            @Override
            public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
                completed.incrementAndGet();
            }

            @Override
            public String getName() {
                return "completions";
            }
        };
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(completions));
        server.start();
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** The base URL a provider's client takes: the API root, {@code /v1}. */
    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** The requests so far, in arrival order. */
    List<LoggedRequest> received() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** The request bodies so far, in arrival order. */
    List<JsonObject> requests() {
        return received().stream().map(r -> CanonicalJson.parseObject(r.getBodyAsString()).orElseThrow()).toList();
    }

    /** Whether a response is still being written: a request came in whose answer has not been sent in full. */
    boolean sending() {
        return server.getAllServeEvents().size() > completed.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(CanonicalJson.write(body));
    }

    static ResponseDefinitionBuilder events(String events) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(events);
    }

    /** A stream sent in ten pieces, so that the client sees its first events while the server holds the rest. */
    static ResponseDefinitionBuilder held(String events) {
        return events(events).withChunkedDribbleDelay(10, 10 * CHUNK_INTERVAL_MS);
    }

    /**
     * A stream that sends {@code before} and then nothing for {@code silence}. WireMock spaces a body's equal-sized
     * chunks evenly, so the silence is an SSE comment (which a client parses as no event) as long as those chunks.
     */
    static ResponseDefinitionBuilder stalled(String before, Duration silence) {
        int silentChunks = (int) (silence.toMillis() / CHUNK_INTERVAL_MS);
        int size = before.getBytes(StandardCharsets.UTF_8).length;
        String comment = ":" + " ".repeat(silentChunks * size - 2) + "\n";
        return events(before + comment)
                .withChunkedDribbleDelay(silentChunks + 1, (silentChunks + 1) * CHUNK_INTERVAL_MS);
    }

    /**
     * A stream whose connection drops after {@code before}: a declared length the body never reaches, so the server
     * gives up on the connection instead of ending the response.
     */
    static ResponseDefinitionBuilder cutShort(String before) {
        return events(before).withHeader("Content-Length", String.valueOf(1 << 20))
                .withChunkedDribbleDelay(1, CHUNK_INTERVAL_MS);
    }

    /** One server-sent event; a null name sends the data alone. */
    static String event(String name, Object data) {
        String field = name == null ? "" : "event: " + name + "\n";
        return field + "data: " + CanonicalJson.write(data) + "\n\n";
    }

    /** A text cut as a model streams it: each piece a word with the space before it. */
    static List<String> words(String text) {
        return List.of(text.split("(?= )"));
    }
}
