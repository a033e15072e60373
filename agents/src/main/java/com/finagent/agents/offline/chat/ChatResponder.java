package com.finagent.agents.offline.chat;

import com.finagent.agents.chat.ChatPrompts;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline model's answers to chat turns: finds the assistant profile, the symbols and the long-term memories in
 * the turn's system message ({@link ChatPrompts}), as a language model would read them, and lets
 * {@link OfflineChatResponder} plan the tool calls or write the answer.
 */
public final class ChatResponder {

    /** Whether the request is a chat turn: its system message names one of the assistant profiles. */
    public boolean answers(ChatRequest request) {
        return read(request.messages()).isPresent();
    }

    /** Answers a chat turn; {@link #answers} must hold for the request. */
    public ChatResponse respond(ChatRequest request) {
        ChatContext context = read(request.messages())
                .orElseThrow(() -> new IllegalArgumentException("not a chat turn of an assistant profile"));
        return new OfflineChatResponder(context.profile(), Catalog.PROFILES.all(), context.symbols(),
                context.memories()).chat(request);
    }

    /** The profile, symbols and memories a chat turn's system message carries. */
    private record ChatContext(AssistantProfile profile, List<String> symbols, List<String> memories) {
    }

    private static Optional<ChatContext> read(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                Optional<AssistantProfile> profile = profileNamedIn(system.text());
                if (profile.isPresent()) {
                    return Optional.of(new ChatContext(profile.get(), symbols(system.text()),
                            memories(system.text())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<AssistantProfile> profileNamedIn(String text) {
        return Catalog.PROFILES.all().stream()
                .filter(p -> text.contains(ChatPrompts.PROFILE_LINE + p.name() + ChatPrompts.PROFILE_LINE_END))
                .findFirst();
    }

    private static List<String> symbols(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith(ChatPrompts.SYMBOLS_LINE)) {
                return List.of(line.substring(ChatPrompts.SYMBOLS_LINE.length()).split(", "));
            }
        }
        return List.of();
    }

    /** The memories after their heading, one per item line; a line without the item mark continues the last one. */
    private static List<String> memories(String text) {
        int heading = text.indexOf(ChatPrompts.MEMORY_HEADING + "\n");
        if (heading < 0) {
            return List.of();
        }
        List<String> memories = new ArrayList<>();
        String block = text.substring(heading + ChatPrompts.MEMORY_HEADING.length() + 1);
        for (String line : block.split("\n", -1)) {
            if (line.startsWith(ChatPrompts.MEMORY_ITEM)) {
                memories.add(line.substring(ChatPrompts.MEMORY_ITEM.length()));
            } else if (!memories.isEmpty()) {
                memories.set(memories.size() - 1, memories.get(memories.size() - 1) + "\n" + line);
            }
        }
        return List.copyOf(memories);
    }

    /** The bundled profiles, read once. */
    private static final class Catalog {
        static final AssistantCatalog PROFILES = AssistantCatalog.load();
    }
}
