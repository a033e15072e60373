package com.finagent.web.debate;

import com.finagent.application.debate.DebateStore;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One step or agent call of a debate, with the executions it depended on. */
public record ExecutionView(UUID id, String step, String agentName, String status, String model, Integer tokens,
                            Integer executionTimeMs, String error, OffsetDateTime createdAt,
                            OffsetDateTime completedAt, List<UUID> dependsOn,
                            @Schema(type = SchemaType.OBJECT, description = "what the step produced")
                            JsonValue result) {

    static ExecutionView of(DebateStore.ExecutionRow row) {
        return new ExecutionView(row.id(), row.step(), row.agentName(), row.status(), row.model(), row.tokens(),
                row.executionTimeMs(), row.error(), row.createdAt(), row.completedAt(), row.dependsOn(),
                DebateViews.json(row.result()));
    }
}
