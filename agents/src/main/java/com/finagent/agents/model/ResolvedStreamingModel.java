package com.finagent.agents.model;

import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * The streaming counterpart of {@link ResolvedModel}: the same model, chosen by the same settings, delivering its
 * answer token by token.
 *
 * @param id    e.g. {@code openai:gpt-4o-mini} or {@code finagent-offline-1}, as {@link ResolvedModel#id()}
 * @param model the model
 */
public record ResolvedStreamingModel(String id, StreamingChatModel model) {
}
