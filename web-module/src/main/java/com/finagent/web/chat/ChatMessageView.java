package com.finagent.web.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a conversation: the user's question or the assistant's answer. */
public record ChatMessageView(@Schema(enumeration = {"user", "assistant"}) String role, String text) {

    /** The view of a user's message or of an assistant's message with text. */
    static ChatMessageView of(ChatMessage message) {
        return message instanceof UserMessage user ? new ChatMessageView("user", user.singleText())
                : new ChatMessageView("assistant", ((AiMessage) message).text());
    }
}
