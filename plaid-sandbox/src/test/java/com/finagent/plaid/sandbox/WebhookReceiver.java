package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A local endpoint that takes the sandbox's webhooks and keeps them, byte for byte, for a test to look at. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String body, String verification, String contentType) {

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String code() {
            return json().get("webhook_code").getAsString();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/plaid/webhook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            receiver.deliveries.add(new Delivery(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Plaid-Verification"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/plaid/webhook";
    }

    /** The next delivery that matches, skipping others; fails after {@code timeout}. */
    Delivery await(Predicate<Delivery> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Delivery delivery = deliveries.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (delivery == null) {
                throw new AssertionError("no matching webhook within " + timeout);
            }
            if (wanted.test(delivery)) {
                return delivery;
            }
        }
    }

    Delivery await(String webhookCode) throws InterruptedException {
        return await(delivery -> delivery.code().equals(webhookCode), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
