package com.finagent.application.alert;

import com.finagent.application.messaging.UserEvent;
import com.finagent.application.messaging.UserEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the owner's sockets on every instance of a new rating alert: the alert goes over the user-events topic,
 * and each instance passes it to its own listeners with the owner, who alone hears of it. A registry rather than a
 * CDI event: in an EAR the EJB jar's bean manager does not see observers in the WAR.
 */
@ApplicationScoped
public class AlertNotifier {

    private static final Logger LOG = Logger.getLogger(AlertNotifier.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    private UserEvents events;
    private final List<BiConsumer<UUID, RatingAlert>> listeners = new CopyOnWriteArrayList<>();

    /** For CDI. */
    protected AlertNotifier() {
    }

    @Inject
    public AlertNotifier(UserEvents events) {
        this.events = events;
        events.on(UserEvent.ALERT, this::deliver);
    }

    /** Receives, on this instance, every new alert with its owner. */
    public void listen(BiConsumer<UUID, RatingAlert> listener) {
        listeners.add(listener);
    }

    void alerted(UUID userId, RatingAlert alert) {
        events.publish(new UserEvent(UserEvent.ALERT, userId, alert.id().toString(), JSON.toJson(alert)));
    }

    private void deliver(UserEvent event) {
        RatingAlert alert = JSON.fromJson(event.json(), RatingAlert.class);
        for (BiConsumer<UUID, RatingAlert> listener : listeners) {
            try {
                listener.accept(event.userId(), alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An alert listener failed", e);
            }
        }
    }
}
