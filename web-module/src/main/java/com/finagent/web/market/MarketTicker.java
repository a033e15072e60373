package com.finagent.web.market;


import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Timer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final int LISTENERS_PER_SHARE = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService fanOut;

    @EJB
    MarketDataService market;

    @Inject
    MarketSubscriptions subscriptions;

    @Inject
    MarketStreamMetrics metrics;

    @Inject
    @ConfigProperty(name = "finagent.market.stream-interval-ms", defaultValue = "1000")
    long intervalMillis;

    private ScheduledFuture<?> ticking;
    private Timer sendLag;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sendLag = metrics.sendLag();
        ticking = scheduler.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (subscriptions.listeners().isEmpty()) {
                return;
            }
            Map<String, String> priced = new ConcurrentHashMap<>();
            subscriptions.symbols().forEach(symbol -> priced.computeIfAbsent(symbol, this::tick));
            long now = System.currentTimeMillis();
            // Listeners with the same symbols share one message: built once, sent to each.
            Map<Set<String>, String> batches = new ConcurrentHashMap<>();
            List<Map.Entry<Session, MarketSubscriptions.Listener>> listeners =
                    new ArrayList<>(subscriptions.listeners().entrySet());
            // Framing and writing a message costs tens of microseconds per connection: with many listeners the
            // fan-out is split over the cores, the ticking thread taking the first share itself.
            int shares = Math.max(1, Math.min(PARALLELISM, listeners.size() / LISTENERS_PER_SHARE));
            int shareSize = (listeners.size() + shares - 1) / shares;
            for (int share = 1; share < shares; share++) {
                List<Map.Entry<Session, MarketSubscriptions.Listener>> part = listeners.subList(share * shareSize,
                        Math.min(listeners.size(), (share + 1) * shareSize));
                fanOut.execute(() -> sendAll(part, batches, priced, now));
            }
            sendAll(listeners.subList(0, Math.min(listeners.size(), shareSize)), batches, priced, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A market tick failed", e);
        }
    }

    /**
     * Sends under the platform class loader. Tyrus re-arms a session's idle timer on every send by scheduling a task
     * on Payara's managed scheduler, which looks up thread-context providers through the thread's context class
     * loader: under the application's loader that is a scan of every jar and server module (~0.1 ms, most of the
     * fan-out's cost); under the platform loader it finds the same nothing at once. The timer's task only closes an
     * idle session and needs nothing of the application.
     */
    private void sendAll(List<Map.Entry<Session, MarketSubscriptions.Listener>> listeners,
                         Map<Set<String>, String> batches, Map<String, String> priced, long now) {
        Thread thread = Thread.currentThread();
        ClassLoader applicationLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            for (Map.Entry<Session, MarketSubscriptions.Listener> entry : listeners) {
                Set<String> symbols = Set.copyOf(entry.getValue().symbols());
                if (!symbols.isEmpty()) {
                    String batch = batches.computeIfAbsent(symbols, s -> batch(s, priced, now));
                    send(entry.getKey(), entry.getValue(), symbols, batch, now);
                }
            }
        } finally {
            thread.setContextClassLoader(applicationLoader);
        }
    }

    private void send(Session session, MarketSubscriptions.Listener listener, Set<String> symbols, String batch,
                      long tickedAt) {
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
            session.getAsyncRemote().sendText(batch, result -> {
                listener.pendingSends().decrementAndGet();
                sendLag.update(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - tickedAt)));
            });
        }
    }

    /** One symbol's entry of a batch: its latest price, or null for a symbol no source knows. */
    private String tick(String symbol) {
        try {
            return "[\"" + symbol + "\"," + String.format(Locale.ROOT, "%.4f", market.quote(symbol).price()) + "]";
        } catch (FinAgentException unknown) {
            return "[\"" + symbol + "\",null]";
        }
    }

    private String batch(Set<String> symbols, Map<String, String> priced, long now) {
        StringBuilder batch = new StringBuilder(64).append("{\"type\":\"ticks\",\"t\":").append(now).append(",\"q\":[");
        boolean first = true;
        for (String symbol : symbols) {
            // A symbol subscribed since this tick began is priced now, so that every batch is complete.
            String tick = priced.computeIfAbsent(symbol, this::tick);
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
