package com.finagent.web.debate;

import com.finagent.application.debate.DebateStore;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A debate as the API shows it; {@code outcome} appears once it has finished. */
public record DebateView(UUID id, String query, String assistantType, List<String> symbols,
                         @Schema(enumeration = {"pending", "running", "completed", "failed"}) String status,
                         boolean budgetLimited, long seed, String model, String error, Integer tokensUsed,
                         OffsetDateTime createdAt, OffsetDateTime completedAt,
                         @Schema(type = SchemaType.OBJECT, description = "positions, rounds, consensus and "
                                 + "recommendation of a finished debate") JsonValue outcome) {

    static DebateView of(DebateStore.DebateRow row) {
        return new DebateView(row.id(), row.query(), row.assistantType(), row.symbols(), row.status(),
                row.budgetLimited(), row.seed(), row.model(), row.error(), row.tokensUsed(), row.createdAt(),
                row.completedAt(), DebateViews.json(row.outcome()));
    }
}
