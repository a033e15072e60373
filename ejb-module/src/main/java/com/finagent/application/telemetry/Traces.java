package com.finagent.application.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What our spans share: their instrumentation scope, and the trace context that crosses a message queue as W3C
 * Trace Context ({@code traceparent}, {@code tracestate}), read and written by OpenTelemetry's own propagator. The
 * tracer itself comes from {@link Tracing}.
 */
public final class Traces {

    /** The instrumentation scope of our spans. */
    public static final String SCOPE = "com.finagent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Traces() {
    }

    /** A tracer whose spans record nothing, where no SDK is at hand (plain unit tests). */
    public static Tracer noopTracer() {
        return OpenTelemetry.noop().getTracer(SCOPE);
    }

    /** The W3C trace context of {@code context} as string properties (none when it holds no valid span). */
    public static Map<String, String> inject(Context context) {
        Map<String, String> carrier = new LinkedHashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier;
    }

    /** The context that string properties carrying W3C trace context continue (the root context without them). */
    public static Context extract(Map<String, String> carrier) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
    }

    /**
     * The context that a request continues when its headers ({@code header} looks one up by name, null when absent)
     * carry W3C trace context; the root context when they do not.
     */
    public static Context extract(Function<String, String> header) {
        Map<String, String> carrier = new LinkedHashMap<>();
        for (String field : W3CTraceContextPropagator.getInstance().fields()) {
            String value = header.apply(field);
            if (value != null) {
                carrier.put(field, value);
            }
        }
        return extract(carrier);
    }

    /** The trace id of the current span, or null outside a recorded trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
