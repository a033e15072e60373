package com.finagent.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OTLP/HTTP receiver of traces in the test JVM (a WireMock server that answers every export and hands its body
 * to this class), started once per run before Payara (JUnit's extension
 * auto-detection), on {@code FINAGENT_IT_OTLP_PORT}, where the test domain's exporter sends its spans
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT} in ear/pom.xml). It decodes the protobuf export requests with the OTLP
 * messages' generated classes and keeps the most recent spans for the tests to read.
 */
public class OtlpReceiver implements BeforeAllCallback {

    /** A received span, its ids in hex as OpenTelemetry writes them. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {
    }

    /** Spans beyond this many are forgotten, oldest first: the whole suite makes many, a test reads its own at once. */
    private static final int KEPT = 20_000;
    private static final String TRACES = "/v1/traces";
    private static final ConcurrentLinkedDeque<ReceivedSpan> SPANS = new ConcurrentLinkedDeque<>();
    /** The deque's size, which the deque itself counts by walking it. */
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(OtlpReceiver.class, key -> start(), Running.class);
    }

    /** The spans received so far. */
    static List<ReceivedSpan> spans() {
        return new ArrayList<>(SPANS);
    }

    private static Running start() {
        // No request journal: the receiver keeps the spans it decoded, not every export's body.
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(System.getenv("FINAGENT_IT_OTLP_PORT"))).containerThreads(16)
                .disableRequestJournal());
        server.stubFor(post(urlPathEqualTo(TRACES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")
                .withBody(ExportTraceServiceResponse.getDefaultInstance().toByteArray())));
        server.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().startsWith(TRACES)) {
                traces(request.getBody());
            }
        });
        server.start();
        return new Running(server);
    }

    private static void traces(byte[] body) {
        ExportTraceServiceRequest request;
        try (InputStream in = gzipped(body) ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new ByteArrayInputStream(body)) {
            request = ExportTraceServiceRequest.parseFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an OTLP export request", e);
        }
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> keep(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
                        hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                        span.getName(), span.getKindValue(), attributes(span.getAttributesList()))));
            }
        }
    }

    /** By gzip's magic number: the exporter may compress, and the server may already have inflated the body. */
    private static boolean gzipped(byte[] body) {
        return body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private static void keep(ReceivedSpan span) {
        SPANS.addLast(span);
        if (COUNT.incrementAndGet() > KEPT && SPANS.pollFirst() != null) {
            COUNT.decrementAndGet();
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            values.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> Long.toString(value.getIntValue());
                case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                default -> value.toString();
            });
        }
        return values;
    }

    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    record Running(WireMockServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
