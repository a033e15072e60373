package com.finagent.application.market;

import com.finagent.application.market.provider.MarketDataProvider;
import com.finagent.application.market.provider.SymbolUnknownException;
import com.finagent.application.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Each call to a remote market-data provider as a CLIENT span (provider, operation and symbol as attributes, a
 * child of the caller's span, such as a debate step's) and counted by outcome in {@link MarketMetrics}. The
 * provider's own resilience (timeout, retries, circuit breaker) runs inside the span.
 */
@ApplicationScoped
public class ProviderCalls {

    @Inject
    MarketMetrics metrics;

    @Inject
    Tracing tracing;

    /** Runs {@code call} of {@code provider} for {@code symbol}, rethrowing what it throws. */
    public <T> T call(MarketDataProvider provider, String operation, String symbol, Supplier<T> call) {
        Span span = tracing.tracer().spanBuilder("market " + provider.name() + " " + operation)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("finagent.market.provider", provider.name())
                .setAttribute("finagent.market.operation", operation)
                .setAttribute("finagent.symbol", symbol)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            T answer = call.get();
            metrics.providerCall(provider.name(), "success");
            return answer;
        } catch (SymbolUnknownException unknown) {
            metrics.providerCall(provider.name(), "unknown_symbol");
            span.setAttribute("finagent.market.outcome", "unknown_symbol");
            throw unknown;
        } catch (RuntimeException failed) {
            metrics.providerCall(provider.name(), "failure");
            span.recordException(failed);
            span.setStatus(StatusCode.ERROR);
            throw failed;
        } finally {
            span.end();
        }
    }
}
