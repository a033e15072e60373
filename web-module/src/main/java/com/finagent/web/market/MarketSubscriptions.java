package com.finagent.web.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Who listens to which symbols on {@code /ws/market}, and how many sends each listener has not yet taken. */
@ApplicationScoped
public class MarketSubscriptions {

    /** A listener with more unsent batches than this is too slow, and is dropped. */
    static final int MAX_PENDING_SENDS = 16;

    private final Map<Session, Listener> listeners = new ConcurrentHashMap<>();

    record Listener(Set<String> symbols, AtomicInteger pendingSends) {
    }

    void open(Session session) {
        listeners.put(session, new Listener(ConcurrentHashMap.newKeySet(), new AtomicInteger()));
    }

    void close(Session session) {
        listeners.remove(session);
    }

    Set<String> subscribe(Session session, Set<String> symbols) {
        Listener listener = listeners.get(session);
        if (listener != null) {
            listener.symbols().addAll(symbols);
            return Set.copyOf(listener.symbols());
        }
        return Set.of();
    }

    Set<String> unsubscribe(Session session, Set<String> symbols) {
        Listener listener = listeners.get(session);
        if (listener != null) {
            listener.symbols().removeAll(symbols);
            return Set.copyOf(listener.symbols());
        }
        return Set.of();
    }

    /**
     * The listener of a session, whose monitor orders a subscription change and its confirmation against the
     * tick batches: no batch for a symbol is sent after the confirmation of its removal.
     */
    Listener listener(Session session) {
        return listeners.get(session);
    }

    Map<Session, Listener> listeners() {
        return listeners;
    }

    /** Every symbol someone listens to. */
    Set<String> symbols() {
        Set<String> all = ConcurrentHashMap.newKeySet();
        listeners.values().forEach(listener -> all.addAll(listener.symbols()));
        return all;
    }
}
