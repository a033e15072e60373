package com.finagent.web.debate;

import com.finagent.application.debate.DebateStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A debate in a list, as GraphQL's {@code Debate}: what was asked, how far it got and the rating it reached. */
@Type("Debate")
public record DebateSummaryView(UUID id, String query, String assistantType, List<String> symbols, String status,
                                String rating, OffsetDateTime createdAt, OffsetDateTime completedAt) {

    static DebateSummaryView of(DebateStore.DebateRow row) {
        return new DebateSummaryView(row.id(), row.query(), row.assistantType(), row.symbols(), row.status(),
                rating(DebateViews.json(row.outcome())), row.createdAt(), row.completedAt());
    }

    /** The recommendation's rating; absent while running, after a failure and when the evidence was insufficient. */
    private static String rating(JsonValue outcome) {
        if (!(outcome instanceof JsonObject object)) {
            return null;
        }
        JsonValue recommendation = object.get("recommendation");
        if (recommendation == null || recommendation.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        return recommendation.asJsonObject().getString("rating", null);
    }
}
