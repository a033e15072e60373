package com.finagent.application.plaid;

import java.util.UUID;

/**
 * The outcome of one sync of an item. {@code status}: {@code synced}; {@code error} (Plaid refused the item
 * until the user acts; see {@code errorCode}); or {@code superseded} (another sync of the item committed first).
 * {@code holdings} is null for an item without investment accounts.
 */
public record SyncResult(UUID itemId, String status, int accounts, int added, int modified, int removed,
                         Integer holdings, String errorCode, String message, long millis) {

    static final String SYNCED = "synced";
    static final String ERROR = "error";
    static final String SUPERSEDED = "superseded";

    static SyncResult failed(UUID itemId, String errorCode, String message, long millis) {
        return new SyncResult(itemId, ERROR, 0, 0, 0, 0, null, errorCode, message, millis);
    }

    static SyncResult superseded(UUID itemId, long millis) {
        return new SyncResult(itemId, SUPERSEDED, 0, 0, 0, 0, null, null,
                "Another sync of this item finished first; its data is current", millis);
    }
}
