package com.finagent.agents.chat;

import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.data.message.SystemMessage;

import java.util.List;

/**
 * The system message of a chat turn. Built per turn and never stored, so memories and symbols stay current. Its
 * public constants are the lines a reader of the message (the offline model) finds the profile, the symbols and the
 * memories by.
 */
public final class ChatPrompts {

    /** Opens the line naming the profile, followed by its name and {@link #PROFILE_LINE_END}. */
    public static final String PROFILE_LINE = "You are Fin Agent's ";
    /** Ends the profile's name on its line. */
    public static final String PROFILE_LINE_END = ", chatting with one user. ";
    /** Opens the line listing the symbols the user is looking at, comma-separated. */
    public static final String SYMBOLS_LINE = "Symbols the user is looking at: ";
    /** Heads the long-term memories, one per line after {@link #MEMORY_ITEM}. */
    public static final String MEMORY_HEADING = "What the user told you in earlier conversations (long-term memory):";
    /** Opens each memory's line. */
    public static final String MEMORY_ITEM = "- ";

    private ChatPrompts() {
    }

    static SystemMessage system(AssistantProfile profile, List<String> symbols, List<String> memories, boolean tools) {
        StringBuilder text = new StringBuilder(profile.instructions()).append("\n\n");
        text.append(PROFILE_LINE).append(profile.name()).append(PROFILE_LINE_END)
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
            text.append('\n').append(SYMBOLS_LINE).append(String.join(", ", symbols)).append('\n');
        }
        if (!memories.isEmpty()) {
            text.append('\n').append(MEMORY_HEADING).append('\n');
            for (String memory : memories) {
                text.append(MEMORY_ITEM).append(memory).append('\n');
            }
        }
        return SystemMessage.from(text.toString().strip());
    }
}
