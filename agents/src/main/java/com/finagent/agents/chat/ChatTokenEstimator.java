package com.finagent.agents.chat;

import com.finagent.agents.model.AgentProtocol;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Estimates tokens without a provider's tokenizer, for the memory window and for providers that report no usage:
 * the larger of the word count and a quarter of the characters (what BPE tokenizers average on English and JSON),
 * plus a few tokens of framing per message. Deterministic, so the window drops the same messages everywhere.
 */
public final class ChatTokenEstimator implements TokenCountEstimator {

    private static final int PER_MESSAGE = 4;
    private static final int PER_CONVERSATION = 3;

    @Override
    public int estimateTokenCountInText(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return Math.max(AgentProtocol.countTokens(text), (text.length() + 3) / 4);
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return PER_MESSAGE + estimateTokenCountInText(textOf(message));
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int total = PER_CONVERSATION;
        for (ChatMessage message : messages) {
            total += estimateTokenCountInMessage(message);
        }
        return total;
    }

    /** The text a message costs: its text, or a tool request's name and arguments. */
    public static String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : user.toString();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
        }
        if (message instanceof AiMessage ai) {
            StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
            if (ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    text.append(' ').append(call.name()).append(' ').append(call.arguments());
                }
            }
            return text.toString();
        }
        return "";
    }
}
