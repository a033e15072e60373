package com.finagent.web.market;


import com.finagent.application.market.MarketFeed;
import com.finagent.application.market.MarketTick;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.metrics.Timer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's part of the live feed, which ticks once per cluster ({@link MarketFeed}): once per interval it
 * tells the feed which symbols its listeners want, and on every tick that reaches it sends each listener one compact
 * batch with its own symbols. Sends are asynchronous; a listener that falls
 * {@link MarketSubscriptions#MAX_PENDING_SENDS} batches behind is closed, so a slow or dead client never holds up the
 * others.
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

    @Inject
    MarketFeed feed;

    @Inject
    MarketSubscriptions subscriptions;

    @Inject
    MarketStreamMetrics metrics;

    private ScheduledFuture<?> beating;
    private Timer sendLag;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sendLag = metrics.sendLag();
        feed.on(this::fanOut);
        long interval = feed.intervalMillis();
        // With a fixed delay, not rate: beats held up (the first creates the feed's cache in the grid) must not be
        // caught up in a burst of ticks.
        beating = scheduler.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            if (!subscriptions.listeners().isEmpty()) {
                feed.beat(subscriptions.symbols());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A market feed beat failed", e);
        }
    }

    void fanOut(MarketTick tick) {
        if (subscriptions.listeners().isEmpty()) {
            return;
        }
        Map<String, String> priced = new HashMap<>();
        tick.prices().forEach((symbol, price) -> priced.put(symbol, "[\"" + symbol + "\","
                + (price == null ? "null" : String.format(Locale.ROOT, "%.4f", price)) + "]"));
        long now = tick.at();
        // Listeners with the same symbols share one message: built once, sent to each.
        Map<Set<String>, String> batches = new ConcurrentHashMap<>();
        List<Map.Entry<Session, MarketSubscriptions.Listener>> listeners =
                new ArrayList<>(subscriptions.listeners().entrySet());
        // Framing and writing a message costs tens of microseconds per connection: with many listeners the
        // fan-out is split over the cores, the delivering thread taking the first share itself.
        int shares = Math.max(1, Math.min(PARALLELISM, listeners.size() / LISTENERS_PER_SHARE));
        int shareSize = (listeners.size() + shares - 1) / shares;
        for (int share = 1; share < shares; share++) {
            List<Map.Entry<Session, MarketSubscriptions.Listener>> part = listeners.subList(share * shareSize,
                    Math.min(listeners.size(), (share + 1) * shareSize));
            fanOut.execute(() -> sendAll(part, batches, priced, now));
        }
        sendAll(listeners.subList(0, Math.min(listeners.size(), shareSize)), batches, priced, now);
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
                    if (batch != null) {
                        send(entry.getKey(), entry.getValue(), symbols, batch, now);
                    }
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

    /**
     * The batch of {@code symbols}, or null when the tick lacks one of them: a symbol subscribed since the tick was
     * priced waits for the next tick (this instance's next beat notes it), so that every batch is complete. The
     * symbols are in alphabetical order, the same on every instance.
     */
    private static String batch(Set<String> symbols, Map<String, String> priced, long now) {
        StringBuilder batch = new StringBuilder(64).append("{\"type\":\"ticks\",\"t\":").append(now).append(",\"q\":[");
        boolean first = true;
        for (String symbol : new TreeSet<>(symbols)) {
            String tick = priced.get(symbol);
            if (tick == null) {
                return null;
            }
            batch.append(first ? "" : ",").append(tick);
            first = false;
        }
        return batch.append("]}").toString();
    }

    @PreDestroy
    void stop() {
        if (beating != null) {
            beating.cancel(false);
        }
    }
}
