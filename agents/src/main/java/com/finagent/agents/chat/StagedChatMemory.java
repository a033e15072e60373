package com.finagent.agents.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat memory one turn's AI service sees: the stored conversation window from its first question on, then the
 * turn's own messages, which stay here until the turn has answered ({@link #added()}); the system message is the
 * turn's and is never stored. So a failed turn leaves the stored conversation as it was, and concurrent turns of one
 * conversation never interleave their messages.
 */
final class StagedChatMemory implements ChatMemory {

    private final Object id;
    private final List<ChatMessage> window;
    private final List<ChatMessage> added = new ArrayList<>();
    private SystemMessage system;

    /** @param stored the stored window, as the memory over the store gives it */
    StagedChatMemory(Object id, List<ChatMessage> stored) {
        this.id = id;
        this.window = fromFirstQuestion(stored);
    }

    @Override
    public Object id() {
        return id;
    }

    @Override
    public synchronized void add(ChatMessage message) {
        if (message instanceof SystemMessage systemMessage) {
            system = systemMessage;
        } else {
            added.add(message);
        }
    }

    @Override
    public synchronized List<ChatMessage> messages() {
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null) {
            messages.add(system);
        }
        messages.addAll(window);
        messages.addAll(added);
        return messages;
    }

    @Override
    public synchronized void clear() {
        added.clear();
    }

    /** The messages of the turn: the question, the model's messages and the tool results, in order. */
    synchronized List<ChatMessage> added() {
        return List.copyOf(added);
    }

    /**
     * The window from its first user message on: eviction can leave an answer whose question dropped out, and some
     * providers (Anthropic) reject a conversation that does not start with the user.
     */
    private static List<ChatMessage> fromFirstQuestion(List<ChatMessage> window) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i) instanceof UserMessage) {
                return List.copyOf(window.subList(i, window.size()));
            }
        }
        return List.of();
    }
}
