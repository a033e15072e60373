package com.finagent.web.debate;

import com.finagent.application.debate.DebateStore;
import com.finagent.web.api.JsonbConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.io.StringReader;

/**
 * Debates and their executions as JSON objects for the debate socket, which adds its own fields: the same
 * {@link DebateView} and {@link ExecutionView} that the REST API answers, written by the API's JSON-B settings.
 */
public final class DebateViews {

    private static final Jsonb JSONB = JsonbConfiguration.create();

    private DebateViews() {
    }

    public static JsonObject of(DebateStore.DebateRow row) {
        return object(JSONB.toJson(DebateView.of(row)));
    }

    public static JsonObject of(DebateStore.ExecutionRow row) {
        return object(JSONB.toJson(ExecutionView.of(row)));
    }

    /** Stored JSON text as a JSON value; null when nothing is stored. */
    static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonObject object(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
