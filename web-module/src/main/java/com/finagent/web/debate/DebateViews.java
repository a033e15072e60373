package com.finagent.web.debate;

import com.finagent.application.agent.DebateStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** Debates and their executions as the API and the debate socket show them. */
public final class DebateViews {

    private DebateViews() {
    }

    public static JsonObject of(DebateStore.DebateRow row) {
        var symbols = Json.createArrayBuilder();
        row.symbols().forEach(symbols::add);
        var builder = Json.createObjectBuilder().add("id", row.id().toString()).add("query", row.query())
                .add("assistantType", row.assistantType()).add("symbols", symbols).add("status", row.status())
                .add("budgetLimited", row.budgetLimited()).add("seed", row.seed())
                .add("createdAt", row.createdAt().toString());
        addNullable(builder, "model", row.model());
        addNullable(builder, "error", row.error());
        addNullable(builder, "completedAt", row.completedAt() == null ? null : row.completedAt().toString());
        if (row.tokensUsed() != null) {
            builder.add("tokensUsed", row.tokensUsed());
        }
        builder.add("outcome", json(row.outcome()));
        return builder.build();
    }

    public static JsonObject of(DebateStore.ExecutionRow row) {
        var dependsOn = Json.createArrayBuilder();
        row.dependsOn().forEach(id -> dependsOn.add(id.toString()));
        var builder = Json.createObjectBuilder().add("id", row.id().toString()).add("agentName", row.agentName())
                .add("status", row.status()).add("dependsOn", dependsOn).add("createdAt", row.createdAt().toString());
        addNullable(builder, "step", row.step());
        addNullable(builder, "model", row.model());
        addNullable(builder, "error", row.error());
        addNullable(builder, "completedAt", row.completedAt() == null ? null : row.completedAt().toString());
        if (row.tokens() != null) {
            builder.add("tokens", row.tokens());
        }
        if (row.executionTimeMs() != null) {
            builder.add("executionTimeMs", row.executionTimeMs());
        }
        builder.add("result", json(row.result()));
        return builder.build();
    }

    private static void addNullable(jakarta.json.JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
