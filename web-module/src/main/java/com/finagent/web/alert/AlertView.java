package com.finagent.web.alert;

import com.finagent.application.alert.RatingAlert;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.UUID;

/** A held symbol's rating change, as GraphQL's {@code RatingAlert}. */
@Type("RatingAlert")
public record AlertView(UUID id, String symbol, String previousRating, String rating, UUID debateId, String message,
                        Instant createdAt, Instant readAt) {

    static AlertView of(RatingAlert alert) {
        return new AlertView(alert.id(), alert.symbol(), alert.previousRating(), alert.rating(), alert.debateId(),
                alert.message(), alert.createdAt(), alert.readAt());
    }
}
