package com.finagent.agents.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider's API on a loopback port for the wire tests: one endpoint under {@code /v1}, which records each request
 * body and leaves the answer to the test, with the pieces answers are made of (a JSON body, a server-sent event).
 */
final class WireServer implements AutoCloseable {

    /** Answers one request, whose JSON body is already read and recorded. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, JsonNode body) throws IOException;
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private WireServer(HttpServer server) {
        this.server = server;
    }

    /** @param endpoint the path below {@code /v1}, e.g. {@code /chat/completions} */
    static WireServer start(String endpoint, Responder responder) throws IOException {
        WireServer wire = new WireServer(HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        wire.server.createContext("/v1" + endpoint, exchange -> {
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow();
            wire.requests.add(body);
            responder.respond(exchange, body);
        });
        wire.server.start();
        return wire;
    }

    /** The base URL a provider's client takes: the API root, {@code /v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The request bodies so far, in arrival order. */
    List<JsonNode> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One server-sent event, flushed so the client sees it at once; a null name sends the data alone. */
    static void event(OutputStream out, String name, Object data) throws IOException {
        String field = name == null ? "" : "event: " + name + "\n";
        out.write((field + "data: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A text cut as a model streams it: each piece a word with the space before it. */
    static List<String> words(String text) {
        return List.of(text.split("(?= )"));
    }
}
