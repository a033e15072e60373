package com.finagent.web.socket;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.marketdata.MarketDataService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once per interval, prices every subscribed symbol once and sends each listener one compact batch with its
 * own symbols. Sends are asynchronous; a listener that falls {@link MarketSubscriptions#MAX_PENDING_SENDS}
 * batches behind is closed, so a slow or dead client never holds up the others.
 */
@ApplicationScoped
public class MarketTicker {

    private static final Logger LOG = Logger.getLogger(MarketTicker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    MarketDataService market;

    @Inject
    MarketSubscriptions subscriptions;

    @Inject
    @ConfigProperty(name = "finagent.market.stream-interval-ms", defaultValue = "1000")
    long intervalMillis;

    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ticking = scheduler.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (subscriptions.listeners().isEmpty()) {
                return;
            }
            Map<String, String> priced = new HashMap<>();
            for (String symbol : subscriptions.symbols()) {
                try {
                    priced.put(symbol, "[\"" + symbol + "\"," + String.format(Locale.ROOT, "%.4f",
                            market.quote(symbol).price()) + "]");
                } catch (FinAgentException unknown) {
                    priced.put(symbol, "[\"" + symbol + "\",null]");
                }
            }
            long now = System.currentTimeMillis();
            // Listeners with the same symbols share one message: built once, sent to each.
            Map<Set<String>, String> batches = new HashMap<>();
            subscriptions.listeners().forEach((session, listener) -> {
                Set<String> symbols = Set.copyOf(listener.symbols());
                if (!symbols.isEmpty()) {
                    send(session, listener, symbols, batches.computeIfAbsent(symbols, s -> batch(s, priced, now)));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A market tick failed", e);
        }
    }

    private void send(Session session, MarketSubscriptions.Listener listener, Set<String> symbols, String batch) {
        synchronized (listener) {
            if (!listener.symbols().equals(symbols) || !session.isOpen()) {
                return;
            }
            if (listener.pendingSends().get() >= MarketSubscriptions.MAX_PENDING_SENDS) {
                subscriptions.close(session);
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow to keep up"));
                } catch (IOException ignored) {
                    // The connection is gone already.
                }
                return;
            }
            listener.pendingSends().incrementAndGet();
            session.getAsyncRemote().sendText(batch, result -> listener.pendingSends().decrementAndGet());
        }
    }

    private static String batch(Set<String> symbols, Map<String, String> priced, long now) {
        StringBuilder batch = new StringBuilder(64).append("{\"type\":\"ticks\",\"t\":").append(now).append(",\"q\":[");
        boolean first = true;
        for (String symbol : symbols) {
            String tick = priced.get(symbol);
            if (tick != null) {
                batch.append(first ? "" : ",").append(tick);
                first = false;
            }
        }
        return batch.append("]}").toString();
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
