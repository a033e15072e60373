package com.finagent.agents.debate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finagent.agents.model.Json;

import java.util.Set;

/** JSON of debates: requests to store and replay, outcomes to store, and the canonical form to compare runs. */
public final class DebateJson {

    /** Wall-clock fields: the only parts of an outcome that differ between two runs of the same request. */
    private static final Set<String> TIMING = Set.of("startedAt", "finishedAt", "durationMs");

    private DebateJson() {
    }

    public static String toJson(Object value) {
        return Json.writePretty(value);
    }

    /** The outcome without wall-clock fields: identical for identical input with a deterministic model. */
    public static String canonical(DebateOutcome outcome) {
        JsonNode tree = Json.tree(outcome);
        strip(tree);
        return Json.writePretty(tree);
    }

    public static DebateRequest readRequest(String json) {
        return Json.read(json, DebateRequest.class);
    }

    public static DebateOutcome readOutcome(String json) {
        return Json.read(json, DebateOutcome.class);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMING);
        }
        node.forEach(DebateJson::strip);
    }
}
