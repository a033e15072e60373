package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator gets from a debate, on the real server: the metrics, only for an administrator; one trace from
 * the producer of the debate's message across the queue into the message-driven bean, the steps, the model calls
 * and the market-data provider calls, received by the OTLP receiver in this JVM ({@link OtlpReceiver}); and
 * server.log records in JSON with the debate's context fields and that trace id.
 */
@ExtendWith(DeployedApplication.class)
class ObservabilityIT {

    private static final String SYMBOL = "AAPL";
    private static final int SPAN_KIND_SERVER = 2;
    private static final int SPAN_KIND_PRODUCER = 4;
    private static final int SPAN_KIND_CONSUMER = 5;

    /** One debate for every test of the class (the tests only read what it left behind). */
    private static Debate debate;

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));

    private record Debate(String id, String userId, String token) {
    }


    @Test
    void metricsAreForAdministratorsOnlyAndCountDebatesModelsProvidersAndQueues() throws Exception {
        Debate finished = debate();
        HttpClient tls = trustingClient();
        URI metrics = URI.create("https://localhost:8181/metrics");

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(plain.statusCode() == 200 || plain.body().contains("finagent_"), "plain HTTP gives nothing: "
                + plain.statusCode());
        HttpResponse<String> anonymous = tls.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(Set.of(401, 403).contains(anonymous.statusCode()), "anonymous: " + anonymous.statusCode() + " "
                + anonymous.headers().map() + " " + head(anonymous.body()));
        assertFalse(anonymous.body().contains("finagent_"), anonymous.body());
        HttpResponse<String> user = tls.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + finished.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, user.statusCode(), "a user who is not an administrator: " + head(user.body()));
        assertFalse(user.body().contains("finagent_"), user.body());

        String admin = api.newAdminToken("scraper");
        HttpResponse<String> scrape = tls.send(HttpRequest.newBuilder(metrics).header("Authorization", "Bearer " + admin)
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), scrape.body());
        String body = scrape.body();
        assertTrue(value(body, "finagent_debates_started_total") >= 1, "debates started");
        assertTrue(value(body, "finagent_debates_finished_total", "status=\"completed\"") >= 1, "completed");
        assertTrue(value(body, "finagent_debate_duration_seconds_count") >= 1, "durations timed");
        assertTrue(value(body, "finagent_model_calls_total", "model=\"finagent-offline-1\"", "outcome=\"success\"")
                >= 3, "model calls by model");
        assertTrue(value(body, "finagent_model_tokens_total", "direction=\"output\"") > 0, "tokens by model");
        assertTrue(value(body, "finagent_market_provider_calls_total", "provider=") >= 1, "provider calls");
        assertTrue(value(body, "finagent_queue_depth", "queue=\"finagent_debates\"") >= 0, "debate queue browsed");
        assertTrue(value(body, "finagent_queue_depth", "queue=\"finagent_plaid_syncs\"") >= 0, "sync queue browsed");
        assertTrue(value(body, "finagent_cache_lookups_total", "cache=\"history\"") >= 1, "cache lookups");
        assertTrue(value(body, "finagent_cache_hit_ratio", "cache=\"history\"") >= 0, "cache hit ratio");
        assertTrue(value(body, "finagent_cache_hit_ratio", "cache=\"macro\"") >= 0, "FRED's cache is watched too");
        assertTrue(value(body, "finagent_websocket_sessions", "endpoint=\"market\"") >= 0, "stream sessions");
        assertTrue(body.contains("ft_circuitbreaker_state"), "Fault Tolerance's breaker state is there too");
    }

    @Test
    void oneTraceCrossesTheDebateQueueIntoStepsModelCallsAndProviderCalls() throws Exception {
        Debate finished = debate();
        OtlpReceiver.ReceivedSpan producer = await("the producer span of the debate's message")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> producerOf(finished), Optional::isPresent).orElseThrow();
        String trace = producer.traceId();
        List<OtlpReceiver.ReceivedSpan> spans = await("the debate's spans").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> inTrace(trace), found ->
                        found.stream().anyMatch(s -> s.name().startsWith("debate "))
                                && found.stream().anyMatch(s -> s.name().startsWith("chat "))
                                && found.stream().anyMatch(s -> s.name().startsWith("market ")));

        OtlpReceiver.ReceivedSpan consumer = spans.stream().filter(s -> s.kind() == SPAN_KIND_CONSUMER
                && s.name().equals("finagent_debates process")).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer span in the trace: " + names(spans)));
        assertEquals(producer.spanId(), consumer.parentSpanId(), "the message-driven bean continues the producer");
        OtlpReceiver.ReceivedSpan request = spans.stream().filter(s -> s.spanId().equals(producer.parentSpanId()))
                .findFirst().orElseThrow(() -> new AssertionError("the producer has no parent in the trace: "
                        + producer + " " + names(spans) + "; server spans received: " + OtlpReceiver.spans().stream()
                        .filter(s -> s.kind() == SPAN_KIND_SERVER).limit(20).toList()));
        assertEquals(SPAN_KIND_SERVER, request.kind(), "the trace starts at the REST call: " + request);
        assertTrue(request.name().contains("debates"), request.toString());
        OtlpReceiver.ReceivedSpan step = spans.stream().filter(s -> finished.id().equals(s.attributes()
                .get("finagent.debate.id")) && s.name().contains("initial-analysis")).findFirst()
                .orElseThrow(() -> new AssertionError("no step span of the debate: " + names(spans)));
        assertEquals(trace, step.traceId());
        OtlpReceiver.ReceivedSpan model = spans.stream().filter(s -> s.name().startsWith("chat ")).findFirst()
                .orElseThrow();
        assertEquals("finagent-offline-1", model.attributes().get("gen_ai.request.model"), model.toString());
        assertTrue(Long.parseLong(model.attributes().get("gen_ai.usage.output_tokens")) > 0, model.toString());
        assertTrue(spans.stream().anyMatch(s -> s.name().startsWith("market ")
                && SYMBOL.equals(s.attributes().get("finagent.symbol"))), "a provider call for " + SYMBOL + ": "
                + names(spans));
    }

    @Test
    void aCallersTraceContextIsContinuedByTheRequestsServerSpan() {
        String token = api.newUserToken("traced-partner");
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        HttpResponse<String> me = api.exchange("/api/v1/me", token, null,
                "traceparent", "00-" + traceId + "-" + callerSpan + "-01");
        assertEquals(200, me.statusCode(), me.body());
        OtlpReceiver.ReceivedSpan server = await("the request's server span").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> inTrace(traceId).stream()
                        .filter(s -> s.kind() == SPAN_KIND_SERVER).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals(callerSpan, server.parentSpanId(), "the partner's span is the parent: " + server);
    }

    @Test
    void serverLogIsJsonWithTheDebatesContextAndTraceId() throws Exception {
        Debate finished = debate();
        Path logs = Path.of(System.getProperty("payara.home"), "glassfish", "domains",
                System.getProperty("payara.domain"), "logs");
        List<JsonObject> records = await("the debate's log records").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> recordsOf(logs, finished.id()),
                        found -> found.stream().anyMatch(r -> "Debate finished".equals(r.getString("LogMessage", ""))));
        JsonObject end = records.stream().filter(r -> "Debate finished".equals(r.getString("LogMessage", "")))
                .findFirst().orElseThrow();
        assertEquals(finished.userId(), end.getString("userId"), end.toString());
        assertEquals(SYMBOL, end.getString("symbol"), end.toString());
        assertEquals("completed", end.getString("status"), end.toString());
        assertTrue(Long.parseLong(end.getString("durationMs")) > 0, end.toString());
        assertTrue(end.getString("traceId", "").matches("[0-9a-f]{32}"), end.toString());
        JsonObject step = records.stream().filter(r -> "Debate step finished".equals(r.getString("LogMessage", ""))
                && r.containsKey("agentName") && r.containsKey("executionId")).findFirst()
                .orElseThrow(() -> new AssertionError("no step records: " + records));
        assertEquals(end.getString("traceId"), step.getString("traceId"), "one trace id for the debate's records");
        assertNotNull(step.getString("durationMs", null), step.toString());

        Optional<OtlpReceiver.ReceivedSpan> producer = producerOf(finished);
        producer.ifPresent(span -> assertEquals(span.traceId(), end.getString("traceId"),
                "the log's trace id is the trace's"));
    }

    /** The debate the tests read, run once: queued through the API, finished with the offline model. */
    private synchronized Debate debate() {
        if (debate == null) {
            String token = api.newUserToken("observed");
            String userId = api.get("/api/v1/me", token).object().getString("id");
            ApiClient.Reply accepted = api.post("/api/v1/debates", token,
                    "{\"query\":\"Is Apple worth holding?\",\"assistantType\":\"analyst\",\"symbols\":[\""
                            + SYMBOL + "\"]}");
            assertEquals(202, accepted.status(), accepted.body());
            String id = accepted.object().getString("id");
            JsonObject done = await("debate " + id + " finishes").atMost(Duration.ofSeconds(90))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/v1/debates/" + id, token).object(),
                            d -> !Set.of("pending", "running").contains(d.getString("status")));
            assertEquals("completed", done.getString("status"), done.toString());
            debate = new Debate(id, userId, token);
        }
        return debate;
    }

    private static Optional<OtlpReceiver.ReceivedSpan> producerOf(Debate debate) {
        return OtlpReceiver.spans().stream().filter(s -> s.kind() == SPAN_KIND_PRODUCER
                && s.name().equals("finagent_debates publish")
                && debate.userId().equals(s.attributes().get("finagent.user.id"))).findFirst();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static List<OtlpReceiver.ReceivedSpan> inTrace(String traceId) {
        return OtlpReceiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static List<String> names(List<OtlpReceiver.ReceivedSpan> spans) {
        return spans.stream().map(OtlpReceiver.ReceivedSpan::name).distinct().toList();
    }

    /** The JSON records that name {@code debateId} in server.log and the files it was rotated into (2 MB each). */
    private static List<JsonObject> recordsOf(Path logs, String debateId) throws IOException {
        List<JsonObject> records = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                // Decoded leniently: the server may be part-way through a character at the end.
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().forEach(lines::add);
            }
        }
        for (String line : lines) {
            if (!line.startsWith("{") || !line.contains(debateId)) {
                continue;
            }
            try {
                JsonObject record = Json.createReader(new StringReader(line)).readObject();
                if (debateId.equals(record.getString("debateId", null))) {
                    records.add(record);
                }
            } catch (JsonParsingException partlyWritten) {
                // The server is still writing this line; the next poll reads it whole.
            }
        }
        return records;
    }

    /**
     * The sum of the samples of {@code name} whose labels contain every one of {@code labels}; -1 if none. Samples
     * are lines {@code name{labels} value} of the OpenMetrics text.
     */
    private static double value(String metrics, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labelText = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
            boolean matches = true;
            for (String label : labels) {
                matches &= labelText.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        assertTrue(found, name + " " + List.of(labels) + " in the scrape:\n" + lines(metrics, "finagent_"));
        return sum;
    }

    private static String head(String body) {
        return body.length() > 400 ? body.substring(0, 400) : body;
    }

    private static String lines(String metrics, String prefix) {
        return String.join("\n", metrics.lines().filter(l -> l.startsWith(prefix)).toList());
    }

    /**
     * A client that trusts any certificate, for Payara's self-signed one on 8181 in this test only; as an
     * {@link X509ExtendedTrustManager} it also skips the host-name check that the JDK client would make.
     */
    private static HttpClient trustingClient() throws Exception {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        // HTTP/1.1: over HTTP/2 (ALPN) Payara answered an anonymous request to the secured servlet with an empty 200.
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
