package com.finagent.agents.model;

import dev.langchain4j.model.chat.ChatModel;

/**
 * A chat model with the id a stored debate records for it.
 *
 * @param id    e.g. {@code openai:gpt-4o-mini} or {@code finagent-offline-1}
 * @param model the model
 */
public record ResolvedModel(String id, ChatModel model) {
}
