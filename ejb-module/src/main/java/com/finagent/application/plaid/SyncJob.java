package com.finagent.application.plaid;

import com.finagent.application.messaging.Envelope;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A background sync of one item, as queued on {@code finagent_plaid_syncs}. */
public record SyncJob(UUID userId, UUID itemId, boolean refreshBalances) {

    private static final String ITEM = Envelope.PREFIX + "Item";
    private static final String REFRESH = Envelope.PREFIX + "Refresh";

    public SyncJob {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
    }

    /** The message for the sync queue. */
    public Envelope toEnvelope() {
        return Envelope.of(userId, Map.of(ITEM, itemId.toString(), REFRESH, Boolean.toString(refreshBalances)), "");
    }

    /** Reads a message of the sync queue; IllegalArgumentException if it is not a sync. */
    public static SyncJob of(Envelope envelope) {
        return new SyncJob(envelope.user(), UUID.fromString(envelope.required(ITEM)),
                Boolean.parseBoolean(envelope.required(REFRESH)));
    }
}
