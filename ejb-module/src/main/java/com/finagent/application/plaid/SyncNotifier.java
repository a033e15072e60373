package com.finagent.application.plaid;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells interested parts of the application (the web module's portfolio push) that a user's item was synced.
 * A registry rather than a CDI event: in an EAR the EJB jar's bean manager does not see observers in the WAR.
 */
@ApplicationScoped
public class SyncNotifier {

    private static final Logger LOG = Logger.getLogger(SyncNotifier.class.getName());

    private final List<BiConsumer<UUID, SyncResult>> listeners = new CopyOnWriteArrayList<>();

    public void listen(BiConsumer<UUID, SyncResult> listener) {
        listeners.add(listener);
    }

    void synced(UUID userId, SyncResult result) {
        for (BiConsumer<UUID, SyncResult> listener : listeners) {
            try {
                listener.accept(userId, result);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A sync listener failed", e);
            }
        }
    }
}
