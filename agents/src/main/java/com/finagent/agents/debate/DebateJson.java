package com.finagent.agents.debate;

import com.finagent.agents.model.CanonicalJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Set;

/** JSON of debates: requests to store and replay, outcomes to store, and the canonical form to compare runs. */
public final class DebateJson {

    private static final JsonProvider JSON = CanonicalJson.provider();

    /** Wall-clock fields: the only parts of an outcome that differ between two runs of the same request. */
    private static final Set<String> TIMING = Set.of("startedAt", "finishedAt", "durationMs");

    private DebateJson() {
    }

    public static String toJson(Object value) {
        return CanonicalJson.writePretty(value);
    }

    /** The outcome without wall-clock fields: identical for identical input with a deterministic model. */
    public static String canonical(DebateOutcome outcome) {
        return CanonicalJson.writePretty(withoutTiming(CanonicalJson.tree(outcome)));
    }

    public static DebateRequest readRequest(String json) {
        return CanonicalJson.read(json, DebateRequest.class);
    }

    public static DebateOutcome readOutcome(String json) {
        return CanonicalJson.read(json, DebateOutcome.class);
    }

    private static JsonValue withoutTiming(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder kept = JSON.createObjectBuilder();
            object.forEach((name, member) -> {
                if (!TIMING.contains(name)) {
                    kept.add(name, withoutTiming(member));
                }
            });
            return kept.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder kept = JSON.createArrayBuilder();
            array.forEach(element -> kept.add(withoutTiming(element)));
            return kept.build();
        }
        return value;
    }
}
