package com.finagent.agents.chat;

import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.data.message.SystemMessage;

import java.util.List;

/** The system message of a chat turn. Built per turn and never stored, so memories and symbols stay current. */
final class ChatPrompts {

    static final String MEMORY_HEADING = "What the user told you in earlier conversations (long-term memory):";

    private ChatPrompts() {
    }

    static SystemMessage system(AssistantProfile profile, List<String> symbols, List<String> memories, boolean tools) {
        StringBuilder text = new StringBuilder(profile.instructions()).append("\n\n");
        text.append("You are Fin Agent's ").append(profile.name()).append(", chatting with one user. ")
                .append("Answer in plain language and briefly, from your angle: ").append(profile.description())
                .append(".\n");
        if (tools) {
            text.append("Call your tools for current data on what the question concerns before answering. ")
                    .append("Quote numbers only from tool results of this conversation, exactly as given (fractions ")
                    .append("such as 0.184 may be written as 18.4%), and name each figure's source in brackets, ")
                    .append("e.g. (Polygon, 2025-09-05). When a tool gives no figure, say so; never estimate one.\n");
        } else {
            text.append("You have no data tools in this conversation: quote no market figures, and say that live ")
                    .append("data is unavailable when the question needs it.\n");
        }
        text.append("Refer to what the user said earlier, in this conversation or in the memories below, when it ")
                .append("changes the answer. This is information, not personalised financial advice.\n");
        if (!symbols.isEmpty()) {
            text.append("\nSymbols the user is looking at: ").append(String.join(", ", symbols)).append('\n');
        }
        if (!memories.isEmpty()) {
            text.append('\n').append(MEMORY_HEADING).append('\n');
            for (String memory : memories) {
                text.append("- ").append(memory).append('\n');
            }
        }
        return SystemMessage.from(text.toString().strip());
    }
}
