package com.finagent.agents.debate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a debate runs. A null (or, in JSON, a missing) field takes its default.
 *
 * @param maxRounds                  debate rounds at most, default 3 (0 = initial analysis straight to consensus)
 * @param convergenceSpread          converged when max minus min stance is at most this many notches, default 1
 * @param convergenceConfidenceDelta … and the round's mean absolute confidence change is at most this, default 0.05
 * @param tokenBudget                tokens (input + output) the debate may spend; 0 (default) = unlimited
 * @param seed                       passed to models that take one; recorded for replay; default 0
 * @param participantModels          model per participant id ({@code provider:model}, {@code model} or
 *                                   {@code offline}); ids without an entry use the configured model
 * @param participants               participant ids to use instead of the assistant type's roster
 * @param callTimeoutSeconds         a participant's turn (with its tool calls) fails after this long, default 180
 */
public record DebateSettings(Integer maxRounds, Double convergenceSpread, Double convergenceConfidenceDelta,
                             Long tokenBudget, Long seed, Map<String, String> participantModels,
                             List<String> participants, Long callTimeoutSeconds) {

    public static final int DEFAULT_MAX_ROUNDS = 3;
    public static final double DEFAULT_SPREAD = 1;
    public static final double DEFAULT_CONFIDENCE_DELTA = 0.05;
    public static final long DEFAULT_CALL_TIMEOUT_SECONDS = 180;

    public DebateSettings {
        maxRounds = maxRounds == null ? DEFAULT_MAX_ROUNDS : maxRounds;
        convergenceSpread = convergenceSpread == null ? DEFAULT_SPREAD : convergenceSpread;
        convergenceConfidenceDelta = convergenceConfidenceDelta == null ? DEFAULT_CONFIDENCE_DELTA
                : convergenceConfidenceDelta;
        tokenBudget = tokenBudget == null ? 0L : tokenBudget;
        seed = seed == null ? 0L : seed;
        callTimeoutSeconds = callTimeoutSeconds == null || callTimeoutSeconds <= 0 ? DEFAULT_CALL_TIMEOUT_SECONDS
                : callTimeoutSeconds;
        if (maxRounds < 0 || maxRounds > 10) {
            throw new IllegalArgumentException("maxRounds must be 0..10");
        }
        if (convergenceSpread < 0 || convergenceConfidenceDelta < 0 || tokenBudget < 0) {
            throw new IllegalArgumentException("thresholds and budget must not be negative");
        }
        participantModels = participantModels == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(participantModels));
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    public static DebateSettings defaults() {
        return new DebateSettings(null, null, null, null, null, null, null, null);
    }

    public DebateSettings withMaxRounds(int rounds) {
        return new DebateSettings(rounds, convergenceSpread, convergenceConfidenceDelta, tokenBudget, seed,
                participantModels, participants, callTimeoutSeconds);
    }

    public DebateSettings withTokenBudget(long budget) {
        return new DebateSettings(maxRounds, convergenceSpread, convergenceConfidenceDelta, budget, seed,
                participantModels, participants, callTimeoutSeconds);
    }

    public DebateSettings withSeed(long newSeed) {
        return new DebateSettings(maxRounds, convergenceSpread, convergenceConfidenceDelta, tokenBudget, newSeed,
                participantModels, participants, callTimeoutSeconds);
    }

    public DebateSettings withParticipantModels(Map<String, String> models) {
        return new DebateSettings(maxRounds, convergenceSpread, convergenceConfidenceDelta, tokenBudget, seed,
                models, participants, callTimeoutSeconds);
    }

    public DebateSettings withParticipants(List<String> ids) {
        return new DebateSettings(maxRounds, convergenceSpread, convergenceConfidenceDelta, tokenBudget, seed,
                participantModels, ids, callTimeoutSeconds);
    }

    public DebateSettings withCallTimeoutSeconds(long seconds) {
        return new DebateSettings(maxRounds, convergenceSpread, convergenceConfidenceDelta, tokenBudget, seed,
                participantModels, participants, seconds);
    }
}
