package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import dev.langchain4j.data.message.ChatMessage;

import java.util.List;
import java.util.Set;

/**
 * What one participant's turn produced; applied to its session by the debate thread only.
 *
 * @param value      the parsed {@link Position} or {@link Recommendation}, null when the turn failed
 * @param added      the turn's messages: its prompt, the model's messages, tool results, a repair request
 * @param index      the citation index with the turn's tool results
 * @param inputWords whitespace words of every conversation sent, for the budget's tokens-per-word
 */
record TurnResult(Object value, List<ChatMessage> added, CitationIndex index, TokenCount tokens, int modelCalls,
                  String error, Set<String> toolIds, long inputWords) {

    static TurnResult failed(String error) {
        return new TurnResult(null, List.of(), null, TokenCount.ZERO, 0, error, Set.of(), 0);
    }
}
