package com.finagent.agents.model;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;

import java.util.List;

/** Model requests of a conversation that may hold tool calls, for the chat's and the debate's tool loops. */
public final class ToolRequests {

    private ToolRequests() {
    }

    /**
     * A request declaring the tools, usable or not: tools out of turns stay declared with {@link ToolChoice#NONE}
     * rather than being dropped, because Anthropic rejects a conversation holding tool calls or results whose
     * request declares no tools.
     *
     * A tool choice is sent only to forbid calls; otherwise the request keeps the provider's default, "auto", without
     * naming it, as it did before, for OpenAI-compatible servers that handle the field differently.
     *
     * @param tools  the tools of the conversation, empty when it has none
     * @param usable whether the model may call them in this request
     */
    public static ChatRequest of(List<ChatMessage> messages, List<ToolSpecification> tools, boolean usable) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages).toolSpecifications(tools);
        if (!tools.isEmpty() && !usable) {
            request.toolChoice(ToolChoice.NONE);
        }
        return request.build();
    }
}
