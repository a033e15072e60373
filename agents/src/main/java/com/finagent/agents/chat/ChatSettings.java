package com.finagent.agents.chat;

import java.time.Duration;

/**
 * Limits of a chat.
 *
 * @param memoryTokens      size of the conversation window carried from turn to turn, in estimated tokens
 *                          ({@link ChatTokenEstimator}); older messages drop out of the stored memory
 * @param maxToolTurns      model turns that may call tools before the model must answer
 * @param modelParticipant  participant id the model is resolved for, so {@code finagent.llm.agent.chat.*} can give
 *                          the chat its own model
 * @param streamIdleTimeout how long a streamed model call may go without an event before it fails; the providers'
 *                          HTTP timeouts end once the response has begun, so a stream stalled after its first token
 *                          would otherwise hold the turn for ever
 */
public record ChatSettings(int memoryTokens, int maxToolTurns, String modelParticipant, Duration streamIdleTimeout) {

    public static final int DEFAULT_MEMORY_TOKENS = 4000;
    public static final int DEFAULT_MAX_TOOL_TURNS = 3;
    public static final String DEFAULT_PARTICIPANT = "chat";
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public ChatSettings {
        if (memoryTokens < 100) {
            throw new IllegalArgumentException("memoryTokens must be at least 100");
        }
        if (maxToolTurns < 0) {
            throw new IllegalArgumentException("maxToolTurns must not be negative");
        }
        modelParticipant = modelParticipant == null || modelParticipant.isBlank() ? DEFAULT_PARTICIPANT : modelParticipant;
        streamIdleTimeout = streamIdleTimeout == null ? DEFAULT_STREAM_IDLE_TIMEOUT : streamIdleTimeout;
        if (streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
            throw new IllegalArgumentException("streamIdleTimeout must be positive");
        }
    }

    public static ChatSettings defaults() {
        return new ChatSettings(DEFAULT_MEMORY_TOKENS, DEFAULT_MAX_TOOL_TURNS, DEFAULT_PARTICIPANT,
                DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    public ChatSettings withMemoryTokens(int tokens) {
        return new ChatSettings(tokens, maxToolTurns, modelParticipant, streamIdleTimeout);
    }

    public ChatSettings withStreamIdleTimeout(Duration timeout) {
        return new ChatSettings(memoryTokens, maxToolTurns, modelParticipant, timeout);
    }
}
