package com.finagent.application.debate;

import com.finagent.application.messaging.Envelope;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A debate to run, as queued on {@code finagent_debates}: whose, which, whether it replays a finished one, and the
 * request as the engine reads it (JSON of {@code DebateRequest}: query, symbols, evidence, settings and seed).
 */
public record DebateJob(UUID userId, UUID debateId, boolean replay, String requestJson) {

    private static final String DEBATE = Envelope.PREFIX + "Debate";
    private static final String REPLAY = Envelope.PREFIX + "Replay";

    public DebateJob {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(debateId, "debateId");
        Objects.requireNonNull(requestJson, "requestJson");
    }

    /** The message for the debate queue. */
    public Envelope toEnvelope() {
        return Envelope.of(userId, Map.of(DEBATE, debateId.toString(), REPLAY, Boolean.toString(replay)), requestJson);
    }

    /** Reads a message of the debate queue; IllegalArgumentException if it is not a debate. */
    public static DebateJob of(Envelope envelope) {
        return new DebateJob(envelope.user(), UUID.fromString(envelope.required(DEBATE)),
                Boolean.parseBoolean(envelope.required(REPLAY)), envelope.body());
    }
}
