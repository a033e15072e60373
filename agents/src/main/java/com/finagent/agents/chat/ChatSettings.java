package com.finagent.agents.chat;

/**
 * Limits of a chat.
 *
 * @param memoryTokens     size of the conversation window carried from turn to turn, in estimated tokens
 *                         ({@link ChatTokenEstimator}); older messages drop out of the stored memory
 * @param maxToolTurns     model turns that may call tools before the model must answer
 * @param modelParticipant participant id the model is resolved for, so {@code finagent.llm.agent.chat.*} can give the
 *                         chat its own model
 */
public record ChatSettings(int memoryTokens, int maxToolTurns, String modelParticipant) {

    public static final int DEFAULT_MEMORY_TOKENS = 4000;
    public static final int DEFAULT_MAX_TOOL_TURNS = 3;
    public static final String DEFAULT_PARTICIPANT = "chat";

    public ChatSettings {
        if (memoryTokens < 100) {
            throw new IllegalArgumentException("memoryTokens must be at least 100");
        }
        if (maxToolTurns < 0) {
            throw new IllegalArgumentException("maxToolTurns must not be negative");
        }
        modelParticipant = modelParticipant == null || modelParticipant.isBlank() ? DEFAULT_PARTICIPANT : modelParticipant;
    }

    public static ChatSettings defaults() {
        return new ChatSettings(DEFAULT_MEMORY_TOKENS, DEFAULT_MAX_TOOL_TURNS, DEFAULT_PARTICIPANT);
    }

    public ChatSettings withMemoryTokens(int tokens) {
        return new ChatSettings(tokens, maxToolTurns, modelParticipant);
    }
}
