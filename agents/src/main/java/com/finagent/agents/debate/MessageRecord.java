package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.List;
import java.util.Locale;

/**
 * One message of a participant's conversation, as sent to or received from its model.
 *
 * @param role       system, user, assistant or tool
 * @param text       text content
 * @param toolCalls  tool calls an assistant message asked for
 * @param toolCallId for a tool message: the call it answers
 * @param toolName   for a tool message: the tool
 */
public record MessageRecord(String role, String text, List<ToolCallRecord> toolCalls, String toolCallId,
                            String toolName) {

    /**
     * A tool call a model asked for.
     *
     * @param id        call id
     * @param name      tool name
     * @param arguments JSON arguments
     */
    public record ToolCallRecord(String id, String name, String arguments) {
    }

    /** The whitespace words of {@code messages}, what the engine counts before a call to estimate its tokens. */
    static long words(List<ChatMessage> messages) {
        long words = 0;
        for (ChatMessage message : messages) {
            words += AgentProtocol.countTokens(textOf(message));
        }
        return words;
    }

    /** The text of {@code message}, empty if it has none. */
    static String textOf(ChatMessage message) {
        String text = of(message).text();
        return text == null ? "" : text;
    }

    /** {@code message} as recorded. */
    static MessageRecord of(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return new MessageRecord("system", system.text(), null, null, null);
        }
        if (message instanceof UserMessage user) {
            return new MessageRecord("user", user.hasSingleText() ? user.singleText() : user.toString(), null, null,
                    null);
        }
        if (message instanceof AiMessage ai) {
            List<ToolCallRecord> calls = ai.hasToolExecutionRequests()
                    ? ai.toolExecutionRequests().stream()
                    .map(c -> new ToolCallRecord(c.id(), c.name(), c.arguments())).toList()
                    : null;
            return new MessageRecord("assistant", ai.text(), calls, null, null);
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return new MessageRecord("tool", result.text(), null, result.id(), result.toolName());
        }
        return new MessageRecord(message.type().name().toLowerCase(Locale.ROOT), message.toString(), null, null, null);
    }
}
