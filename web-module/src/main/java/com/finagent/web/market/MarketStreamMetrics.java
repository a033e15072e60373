package com.finagent.web.market;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The market stream as operators watch it: open sessions on this instance ({@code finagent_websocket_sessions
 * {endpoint="market"}}) and the send lag, from a tick's timestamp to the socket's acknowledgement of its batch
 * ({@code finagent_websocket_send_lag_seconds{endpoint="market"}}, a timer): a growing lag means slow clients or a
 * saturated instance, before clients are dropped for falling behind.
 */
@ApplicationScoped
public class MarketStreamMetrics {

    private static final Tag ENDPOINT = new Tag("endpoint", "market");

    @Inject
    MetricRegistry registry;

    @Inject
    MarketSubscriptions subscriptions;

    private Timer sendLag;

    /** Registers the gauge at start, before the first session. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sendLag();
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("finagent_websocket_sessions")
                        .withDescription("Open WebSocket sessions on this instance, by endpoint").build(),
                subscriptions, open -> open.listeners().size(), ENDPOINT);
        sendLag = registry.timer(Metadata.builder().withName("finagent_websocket_send_lag")
                .withDescription("From a tick's timestamp to the socket's acknowledgement of its batch")
                .withUnit(MetricUnits.SECONDS).build(), ENDPOINT);
    }

    /** The send-lag timer, held by the ticker so that its sends' callbacks update it without a CDI lookup. */
    Timer sendLag() {
        return sendLag;
    }
}
