package com.finagent.application.debate;

import com.finagent.application.messaging.UserEvent;
import com.finagent.application.messaging.UserEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events of running debates (JSON messages) for the sockets watching them, whichever instance runs the debate:
 * {@link #publish} sends an event to every instance over the user-events topic, and each instance passes it to its
 * own watchers of that debate that belong to the debate's owner. A registry rather than CDI events: in an EAR the
 * EJB jar's bean manager does not see observers in the WAR.
 */
@ApplicationScoped
public class DebateEvents {

    private static final Logger LOG = Logger.getLogger(DebateEvents.class.getName());

    private UserEvents events;
    private final Map<Watch, Set<Consumer<String>>> watchers = new ConcurrentHashMap<>();

    /** A debate as one user watches it: an event reaches a watcher only if both match. */
    private record Watch(UUID userId, UUID debateId) {
    }

    /** For CDI. */
    protected DebateEvents() {
    }

    @Inject
    public DebateEvents(UserEvents events) {
        this.events = events;
        events.on(UserEvent.DEBATE, this::deliver);
    }

    /** Sends {@code userId}'s events of {@code debateId} to {@code watcher} on this instance. */
    public void watch(UUID userId, UUID debateId, Consumer<String> watcher) {
        watchers.computeIfAbsent(new Watch(userId, debateId), id -> ConcurrentHashMap.newKeySet()).add(watcher);
    }

    /** Stops sending to {@code watcher}. */
    public void unwatch(UUID userId, UUID debateId, Consumer<String> watcher) {
        watchers.computeIfPresent(new Watch(userId, debateId), (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /** Publishes an event of {@code userId}'s debate to its watchers on every instance. */
    public void publish(UUID userId, UUID debateId, String message) {
        events.publish(new UserEvent(UserEvent.DEBATE, userId, debateId.toString(), message));
    }

    private void deliver(UserEvent event) {
        UUID debateId;
        try {
            debateId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException notADebate) {
            LOG.log(Level.FINE, "A debate event without a debate id", notADebate);
            return;
        }
        for (Consumer<String> watcher : watchers.getOrDefault(new Watch(event.userId(), debateId), Set.of())) {
            try {
                watcher.accept(event.json());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A debate watcher failed", e);
            }
        }
    }
}
