package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local endpoint that takes the sandbox's webhooks and keeps them, byte for byte, for a test to look at: a WireMock
 * server answering 200 to each, whose journal holds the deliveries in arrival order.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String body, String verification, String contentType) {

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String code() {
            return json().get("webhook_code").getAsString();
        }
    }

    private static final String PATH = "/plaid/webhook";

    private final WireMockServer server;
    /** Deliveries before this one were taken by an earlier {@link #await}. */
    private final AtomicInteger next = new AtomicInteger();

    private WebhookReceiver(WireMockServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(PATH).willReturn(ok()));
        return new WebhookReceiver(server);
    }

    String url() {
        return server.baseUrl() + PATH;
    }

    /** The next delivery that matches, skipping others; fails after {@code timeout}. */
    Delivery await(Predicate<Delivery> wanted, Duration timeout) {
        return Awaitility.await("a matching webhook").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> take(wanted), Optional::isPresent).orElseThrow();
    }

    Delivery await(String webhookCode) {
        return await(delivery -> delivery.code().equals(webhookCode), Duration.ofSeconds(5));
    }

    private Optional<Delivery> take(Predicate<Delivery> wanted) {
        List<Delivery> deliveries = server.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .map(r -> new Delivery(r.getBodyAsString(), r.getHeader("Plaid-Verification"),
                        r.getHeader("Content-Type"))).toList();
        for (int i = next.get(); i < deliveries.size(); i++) {
            if (wanted.test(deliveries.get(i))) {
                next.set(i + 1);
                return Optional.of(deliveries.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop();
    }
}
