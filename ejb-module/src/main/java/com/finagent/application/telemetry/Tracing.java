package com.finagent.application.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracer of our spans, from the application's OpenTelemetry SDK that MicroProfile Telemetry injects (Payara
 * builds it from the {@code otel.*} keys). Payara 6.2025.10 leaves {@code GlobalOpenTelemetry} a no-op, so the SDK
 * is taken from CDI once, where the application is known, and the tracer is handed to the code that makes spans on
 * any thread. Without an SDK (a deployment that disables telemetry) spans are no-ops.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class.getName());

    @Inject
    Instance<OpenTelemetry> telemetry;

    private Tracer tracer;

    @PostConstruct
    void open() {
        try {
            tracer = telemetry.get().getTracer(Traces.SCOPE);
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "No OpenTelemetry SDK for the application: spans are not recorded", unavailable);
            tracer = Traces.noopTracer();
        }
    }

    /** The tracer of our spans. */
    public Tracer tracer() {
        return tracer;
    }
}
