package com.finagent.application.backtest;

import com.finagent.application.messaging.UserEvent;
import com.finagent.application.messaging.UserEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the owner's sockets on every instance how a backtest is getting on: each message goes over the user-events
 * topic, and each instance passes it to its own listeners with the owner, who alone hears of it. A registry rather
 * than a CDI event: in an EAR the EJB jar's bean manager does not see observers in the WAR.
 */
@ApplicationScoped
public class BacktestNotifier {

    private static final Logger LOG = Logger.getLogger(BacktestNotifier.class.getName());

    private UserEvents events;
    private final List<BiConsumer<UUID, String>> listeners = new CopyOnWriteArrayList<>();

    /** For CDI. */
    protected BacktestNotifier() {
    }

    @Inject
    public BacktestNotifier(UserEvents events) {
        this.events = events;
        events.on(UserEvent.BACKTEST, this::deliver);
    }

    /** Receives, on this instance, every backtest message (JSON, as the socket sends it) with its owner. */
    public void listen(BiConsumer<UUID, String> listener) {
        listeners.add(listener);
    }

    void publish(UUID userId, UUID backtestId, String message) {
        events.publish(new UserEvent(UserEvent.BACKTEST, userId, backtestId.toString(), message));
    }

    private void deliver(UserEvent event) {
        for (BiConsumer<UUID, String> listener : listeners) {
            try {
                listener.accept(event.userId(), event.json());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A backtest listener failed", e);
            }
        }
    }
}
