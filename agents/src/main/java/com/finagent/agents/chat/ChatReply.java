package com.finagent.agents.chat;

import com.finagent.agents.model.TokenCount;
import java.util.List;

/**
 * The assistant's answer to one {@link ChatTurn}.
 *
 * @param text       the answer in plain language: what the model said in the turn, any text it wrote before calling
 *                   tools first ({@link ChatAssistant})
 * @param model      id of the model that wrote it, e.g. {@code openai:gpt-4o-mini} or {@code finagent-offline-1}
 * @param tokens     tokens of every model call of the turn (as reported by the provider, estimated otherwise)
 * @param toolCalls  tool calls made, in order
 * @param evidence   figures and documents of the tool results that the answer quotes
 * @param modelCalls model invocations of the turn (tool loops add to it)
 */
public record ChatReply(String text, String model, TokenCount tokens, List<ChatToolCall> toolCalls,
                        List<ChatEvidence> evidence, int modelCalls) {

    public ChatReply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
