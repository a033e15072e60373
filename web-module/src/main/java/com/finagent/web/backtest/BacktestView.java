package com.finagent.web.backtest;

import com.finagent.application.backtest.BacktestStore;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A backtest as the API shows it: the request, progress and, once it has ended, its result. */
public record BacktestView(UUID id,
                           @Schema(enumeration = {"pending", "running", "completed", "failed", "cancelled"})
                           String status,
                           @Schema(type = SchemaType.OBJECT, description = "the request as given") JsonValue request,
                           long seed, UUID replayOf, int debatesDone, int debatesTotal, long tokensUsed, String error,
                           OffsetDateTime createdAt, OffsetDateTime completedAt,
                           @Schema(type = SchemaType.OBJECT, description = "per symbol: the equity curves, figures "
                                   + "of the debate strategy and the rule baselines, and every rebalance's call")
                           JsonValue result) {

    static BacktestView of(BacktestStore.BacktestRow row) {
        return new BacktestView(row.id(), row.status(), json(row.request()), row.seed(), row.replayOf(),
                row.debatesDone(), row.debatesTotal(), row.tokensUsed(), row.error(), row.createdAt(),
                row.completedAt(), json(row.result()));
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
