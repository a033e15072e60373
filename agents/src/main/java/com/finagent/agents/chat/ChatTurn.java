package com.finagent.agents.chat;

import com.finagent.agents.tools.AgentTools;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One message of a user to one assistant, with what the server lends the answer.
 *
 * @param memoryId      the conversation's key in the {@code ChatMemoryStore}, one per user and assistant
 *                      (e.g. {@code userId + ":" + assistantType}); conversations never share messages
 * @param assistantType profile id of {@code assistants.json}, e.g. {@code analyst}
 * @param message       what the user wrote
 * @param symbols       tickers the user is looking at (upper-cased, de-duplicated); tickers in the message count too
 * @param tools         the user's tools, null for none (the assistant then quotes no figures)
 * @param memories      long-term memories relevant to the message, as sentences ({@code MemoryRetriever})
 * @param model         model the user asked for ({@code provider:model}, {@code offline}), null for the configured one
 */
public record ChatTurn(String memoryId, String assistantType, String message, List<String> symbols, AgentTools tools,
                       List<String> memories, String model) {

    public ChatTurn {
        if (memoryId == null || memoryId.isBlank()) {
            throw new IllegalArgumentException("a chat turn needs a memory id");
        }
        if (assistantType == null || assistantType.isBlank()) {
            throw new IllegalArgumentException("a chat turn needs an assistant type");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a chat turn needs a message");
        }
        Set<String> cleanSymbols = new LinkedHashSet<>();
        for (String symbol : symbols == null ? List.<String>of() : symbols) {
            if (symbol != null && !symbol.isBlank()) {
                cleanSymbols.add(symbol.trim().toUpperCase(Locale.ROOT));
            }
        }
        symbols = List.copyOf(cleanSymbols);
        List<String> cleanMemories = new ArrayList<>();
        for (String memory : memories == null ? List.<String>of() : memories) {
            if (memory != null && !memory.isBlank()) {
                cleanMemories.add(memory.trim());
            }
        }
        memories = List.copyOf(cleanMemories);
        message = message.strip();
    }

    public ChatTurn(String memoryId, String assistantType, String message, List<String> symbols, AgentTools tools,
                    List<String> memories) {
        this(memoryId, assistantType, message, symbols, tools, memories, null);
    }

    /** The same turn with the model the user asked for. */
    public ChatTurn withModel(String requested) {
        return new ChatTurn(memoryId, assistantType, message, symbols, tools, memories, requested);
    }

    @Override
    public String toString() {
        return "ChatTurn[" + memoryId + ", " + assistantType + ", " + Objects.toString(symbols) + "]";
    }
}
