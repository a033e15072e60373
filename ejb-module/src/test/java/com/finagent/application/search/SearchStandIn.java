package com.finagent.application.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server standing in for a remote service: each route (a path prefix) answers with a status and
 * a JSON body computed from the request, optionally after a delay; requests are recorded. Public for the
 * tests of the other remote clients (FRED).
 */
public final class SearchStandIn implements AutoCloseable {

    public record Answer(int status, String json, long delayMillis) {
        public static Answer ok(String json) {
            return new Answer(200, json, 0);
        }
    }

    public record Request(String path, Map<String, String> query, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new LinkedHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public SearchStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public SearchStandIn route(String pathPrefix, Function<Request, Answer> answer) {
        routes.put(pathPrefix, answer);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            Request request = new Request(exchange.getRequestURI().getPath(), query,
                    exchange.getRequestHeaders().getFirst("User-Agent"));
            requests.add(request);
            Answer answer = routes.entrySet().stream().filter(e -> request.path().startsWith(e.getKey())).findFirst()
                    .map(e -> e.getValue().apply(request))
                    .orElse(new Answer(404, "{\"status\":\"NOT_FOUND\"}", 0));
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // The client gave up (a time-out test): nothing to deliver.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
