package com.finagent.application.plaid;

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
 * Tells interested parts of the application (the web module's portfolio push) on every instance that a user's item
 * was synced: the result goes over the user-events topic, and each instance passes it to its own listeners with
 * the item's owner, who alone hears of it. A registry rather than a CDI event: in an EAR the EJB jar's bean manager
 * does not see observers in the WAR.
 */
@ApplicationScoped
public class SyncNotifier {

    private static final Logger LOG = Logger.getLogger(SyncNotifier.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    private UserEvents events;
    private final List<BiConsumer<UUID, SyncResult>> listeners = new CopyOnWriteArrayList<>();

    /** For CDI. */
    protected SyncNotifier() {
    }

    @Inject
    public SyncNotifier(UserEvents events) {
        this.events = events;
        events.on(UserEvent.PLAID_SYNC, this::deliver);
    }

    /** Receives, on this instance, every sync result with the item's owner. */
    public void listen(BiConsumer<UUID, SyncResult> listener) {
        listeners.add(listener);
    }

    void synced(UUID userId, SyncResult result) {
        events.publish(new UserEvent(UserEvent.PLAID_SYNC, userId, result.itemId().toString(), JSON.toJson(result)));
    }

    private void deliver(UserEvent event) {
        SyncResult result = JSON.fromJson(event.json(), SyncResult.class);
        for (BiConsumer<UUID, SyncResult> listener : listeners) {
            try {
                listener.accept(event.userId(), result);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A sync listener failed", e);
            }
        }
    }
}
