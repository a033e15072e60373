package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One extraction rule: a pattern over a first-person clause that words what it matched as memories of one kind. The
 * wording may give nothing (a capitalised word that turns out not to be a security), which leaves the clause to the
 * rules after it.
 *
 * @param kind    the kind of every memory the rule gives
 * @param pattern found anywhere in the clause
 * @param texts   the sentences of a match; null or empty when the match is not a memory after all
 */
record Rule(MemoryKind kind, Pattern pattern, Function<Matcher, List<String>> texts) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** "I am" as users write it; most statements about themselves start with it. */
    static final String I_AM = "i(?:'m|\\s+am)";

    /** A rule whose regex ignores case, in every script. */
    static Rule of(MemoryKind kind, String regex, Function<Matcher, List<String>> texts) {
        return new Rule(kind, Pattern.compile(regex, FLAGS), texts);
    }

    /** The memories this rule finds in {@code clause}; empty when it does not apply. */
    List<Memory> memories(String clause) {
        Matcher m = pattern.matcher(clause);
        if (m.find()) {
            List<String> found = texts.apply(m);
            if (found != null && !found.isEmpty()) {
                return found.stream().map(t -> new Memory(kind, t)).toList();
            }
        }
        return List.of();
    }
}
