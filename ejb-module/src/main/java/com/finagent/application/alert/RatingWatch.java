package com.finagent.application.alert;

import java.time.Instant;
import java.util.UUID;

/** The last rating a user's debates gave a symbol they hold, and whether its changes are muted. */
public record RatingWatch(String symbol, String rating, UUID debateId, boolean muted, Instant updatedAt) {
}
