package com.finagent.agents.memory;

import java.util.Objects;

/**
 * One long-term memory: a short normalised sentence about the user ("The user has a low risk tolerance.") and its
 * kind. Equal memories are equal records, which matches the {@code UNIQUE (user_id, kind, content)} of
 * {@code user_memories}.
 *
 * @param kind what it is about
 * @param text the sentence, third person, starting with "The user"
 */
public record Memory(MemoryKind kind, String text) {

    /** Longest sentence kept; the table allows 1000 characters, prompts should stay far below. */
    public static final int MAX_LENGTH = 200;

    public Memory {
        Objects.requireNonNull(kind, "kind");
        text = MemoryText.normalise(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a memory needs text");
        }
    }

    public static Memory of(MemoryKind kind, String text) {
        return new Memory(kind, text);
    }

    /** The sentence addressed to the user: "you have a low risk tolerance". */
    public String secondPerson() {
        return MemoryText.secondPerson(text);
    }
}
