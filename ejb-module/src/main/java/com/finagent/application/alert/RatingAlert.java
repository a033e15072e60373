package com.finagent.application.alert;

import java.time.Instant;
import java.util.UUID;

/** A held symbol's rating changed: from what to what, by which debate, and whether the user has read it. */
public record RatingAlert(UUID id, String symbol, String previousRating, String rating, UUID debateId, String message,
                          Instant createdAt, Instant readAt) {
}
