package com.finagent.agents.debate;

import java.util.List;

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
}
