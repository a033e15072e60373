package com.finagent.application.debate;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events of running debates (JSON messages), for the sockets watching them. A registry rather than CDI
 * events: in an EAR the EJB jar's bean manager does not see observers in the WAR.
 */
@ApplicationScoped
public class DebateEvents {

    private static final Logger LOG = Logger.getLogger(DebateEvents.class.getName());

    private final Map<UUID, Set<Consumer<String>>> watchers = new ConcurrentHashMap<>();

    public void watch(UUID debateId, Consumer<String> watcher) {
        watchers.computeIfAbsent(debateId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
    }

    public void unwatch(UUID debateId, Consumer<String> watcher) {
        watchers.computeIfPresent(debateId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(UUID debateId, String message) {
        for (Consumer<String> watcher : watchers.getOrDefault(debateId, Set.of())) {
            try {
                watcher.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A debate watcher failed", e);
            }
        }
    }
}
