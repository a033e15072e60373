package com.finagent.agents.offline.memory;

import com.finagent.agents.offline.text.WordLists;

import java.util.Set;

/** The security a word names, if any: a ticker ({@code AAPL}, {@code $NVDA}) or a name ({@code Apple}). */
final class Securities {

    private static final Set<String> NOT_NAMES = WordLists.load(Securities.class, "memory-words.txt")
            .set("not-names");

    private Securities() {
    }

    /** A ticker as is; a capitalised name only when the context says it is a security. */
    static String name(String raw, boolean namesAllowed) {
        String ticker = ticker(raw);
        if (ticker != null) {
            return ticker;
        }
        String plain = raw.startsWith("$") ? raw.substring(1) : raw;
        if (!namesAllowed || plain.length() < 3 || NOT_NAMES.contains(plain)) {
            return null;
        }
        return plain;
    }

    /** The ticker without its {@code $}, or null when the word is not one. */
    static String ticker(String raw) {
        String plain = raw.startsWith("$") ? raw.substring(1) : raw;
        if (plain.matches("[A-Z]{1,5}(?:\\.[A-Z])?") && !NOT_NAMES.contains(plain)) {
            return plain;
        }
        return null;
    }
}
