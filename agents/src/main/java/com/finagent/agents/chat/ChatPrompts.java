package com.finagent.agents.chat;

import com.finagent.agents.profile.AssistantProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The values of the chat's system prompt template ({@code system-prompt.txt} beside {@link ChatAgent}): built per
 * turn and never stored, so memories and symbols stay current. Its public constants are the lines a reader of the
 * message (the offline model) finds the profile, the symbols and the memories by; the template and the values below
 * write them.
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

    private static final String WITH_TOOLS = resource("data-rules-with-tools.txt");
    private static final String WITHOUT_TOOLS = resource("data-rules-without-tools.txt");

    private ChatPrompts() {
    }

    /** How the answer may use data: from the tools' results, or none when the turn has no tools. */
    static String dataRules(boolean tools) {
        return tools ? WITH_TOOLS : WITHOUT_TOOLS;
    }

    /** The symbols the user looks at and the long-term memories, each after a blank line; empty when neither. */
    static String userContext(List<String> symbols, List<String> memories) {
        StringBuilder text = new StringBuilder();
        if (!symbols.isEmpty()) {
            text.append("\n\n").append(SYMBOLS_LINE).append(String.join(", ", symbols));
        }
        if (!memories.isEmpty()) {
            text.append("\n\n").append(MEMORY_HEADING);
            for (String memory : memories) {
                text.append('\n').append(MEMORY_ITEM).append(memory);
            }
        }
        return text.toString();
    }

    /** The profile's instructions as the template's first paragraph. */
    static String instructions(AssistantProfile profile) {
        return profile.instructions().strip();
    }

    private static String resource(String name) {
        try (InputStream in = ChatPrompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
