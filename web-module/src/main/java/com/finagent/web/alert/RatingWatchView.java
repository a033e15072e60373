package com.finagent.web.alert;

import com.finagent.application.alert.RatingWatch;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.UUID;

/** A held symbol that debates have rated, as GraphQL's {@code RatingWatch}. */
@Type("RatingWatch")
public record RatingWatchView(String symbol, String rating, UUID debateId, boolean muted, Instant updatedAt) {

    static RatingWatchView of(RatingWatch watch) {
        return new RatingWatchView(watch.symbol(), watch.rating(), watch.debateId(), watch.muted(), watch.updatedAt());
    }
}
