package com.finagent.application.debate;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The debates this instance is running, whose heartbeat it keeps. */
@ApplicationScoped
public class DebatesInFlight {

    private static final Logger LOG = Logger.getLogger(DebatesInFlight.class.getName());

    private final Map<UUID, UUID> ownerByDebate = new ConcurrentHashMap<>();

    void add(UUID userId, UUID debateId) {
        ownerByDebate.put(debateId, userId);
    }

    void remove(UUID userId, UUID debateId) {
        ownerByDebate.remove(debateId, userId);
    }

    /** Debates running here now. */
    public Set<UUID> debates() {
        return Set.copyOf(ownerByDebate.keySet());
    }

    void each(BiConsumer<UUID, UUID> userAndDebate) {
        ownerByDebate.forEach((debateId, userId) -> {
            try {
                userAndDebate.accept(userId, debateId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Heartbeat of debate " + debateId + " failed", e);
            }
        });
    }
}
