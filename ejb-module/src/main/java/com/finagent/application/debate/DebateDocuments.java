package com.finagent.application.debate;

import com.finagent.agents.debate.DebateJson;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.model.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON a debate is stored as: its outcome as shown to its owner, the replay (the request as run and every prompt
 * and answer), and the values of its execution steps.
 */
final class DebateDocuments {

    private static final Logger LOG = Logger.getLogger(DebateDocuments.class.getName());

    private DebateDocuments() {
    }

    /** The outcome as stored and shown: everything but the raw transcript and the graph (kept elsewhere). */
    static String outcome(DebateOutcome outcome) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("status", outcome.status());
        shown.put("participants", outcome.participants());
        shown.put("initialPositions", outcome.initialPositions());
        shown.put("rounds", outcome.rounds());
        shown.put("finalPositions", outcome.finalPositions());
        shown.put("consensus", outcome.consensus());
        shown.put("recommendation", outcome.recommendation());
        shown.put("evidence", outcome.request().evidence());
        shown.put("tokens", outcome.tokens());
        shown.put("tokensByStep", outcome.tokensByStep());
        shown.put("budgetLimited", outcome.budgetLimited());
        shown.put("stopReason", outcome.stopReason());
        shown.put("failures", outcome.failures());
        return value(shown);
    }

    /** What replays the debate: the request as run (evidence, settings, seed) and every prompt and answer. */
    static String replay(DebateOutcome outcome) {
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("request", outcome.request());
        replay.put("transcript", outcome.transcript());
        return value(replay);
    }

    /** The request a stored replay holds, to run it again. */
    static DebateRequest requestOf(String replayJson) {
        JsonValue request = CanonicalJson.parseObject(replayJson).map(tree -> tree.get("request"))
                .orElseThrow(() -> new IllegalStateException("The stored replay has no request"));
        return DebateJson.readRequest(request.toString());
    }

    /**
     * {@code value} in the engine's own JSON mapping (JSON-B, keys sorted), which knows its records, enums and maps;
     * as a JSON string of its text if that mapping cannot write it.
     */
    static String value(Object value) {
        try {
            return DebateJson.toJson(value);
        } catch (RuntimeException unserialisable) {
            LOG.log(Level.FINE, "Stored a debate value as text", unserialisable);
            return Json.createValue(String.valueOf(value)).toString();
        }
    }
}
