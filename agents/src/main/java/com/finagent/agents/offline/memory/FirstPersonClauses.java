package com.finagent.agents.offline.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-person statements of a message, clause by clause: only these are read by the rules. Questions,
 * hypotheticals and statements about other people are left out, so that asking "Is a high risk tolerance bad?" never
 * records a risk tolerance.
 */
final class FirstPersonClauses {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String FIRST_PERSON = "(?:i|i'm|i've|i'd|i'll|my|me|we|we're|our)";

    private static final Pattern FIRST_PERSON_WORD = Pattern.compile("\\b" + FIRST_PERSON + "\\b", FLAGS);
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;])\\s+|\\n+");
    private static final Pattern CLAUSES = Pattern.compile(
            "\\s*,?\\s+(?:and|but|so|because|although|though|while|plus|given(?:\\s+that)?|since|as)\\s+(?="
                    + FIRST_PERSON + "\\b)"
                    + "|\\s*,\\s*(?=(?:what|how|which|why|should|can|could|would|is|are|do|does|will|any)\\b)"
                    + "|\\s+-+\\s+", FLAGS);
    private static final Pattern FILLER = Pattern.compile("^(?:well|also|actually|honestly|personally|btw|by the way|"
            + "fyi|just so you know|for (?:the )?record|note that|remember(?: that)?|ok(?:ay)?|so|and|but|oh|hi|hey|"
            + "hello|yes|yeah|no|anyway|generally|in general|as for me|for context|to be clear)\\b[,:!]?\\s*", FLAGS);
    private static final Pattern QUESTION = Pattern.compile("^(?:what|what's|how|which|why|when|where|who|whom|whose|"
            + "should|shall|can|could|would|will|is|are|am|do|does|did|may|might|have|has|tell|show|give|explain|"
            + "compare|list|find|get|please)\\b", FLAGS);
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?:if|suppose|supposing|imagine|hypothetically|"
            + "pretend|assuming|assume|say)\\b", FLAGS);

    private FirstPersonClauses() {
    }

    /** The clauses in order of appearance, without filler words or final punctuation; empty for a blank message. */
    static List<String> in(String message) {
        List<String> found = new ArrayList<>();
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String text = message.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                .replace('\u201d', '"');
        for (String sentence : SENTENCES.split(text)) {
            for (String rawClause : CLAUSES.split(sentence.trim())) {
                String clause = stripFiller(rawClause.trim());
                if (clause.isEmpty() || QUESTION.matcher(clause).find()) {
                    continue;
                }
                String body = clause.replaceAll("[.!?;]+$", "").trim();
                Matcher firstPerson = FIRST_PERSON_WORD.matcher(body);
                if (!firstPerson.find() || HYPOTHETICAL.matcher(body.substring(0, firstPerson.start())).find()) {
                    continue;
                }
                found.add(body);
            }
        }
        return found;
    }

    private static String stripFiller(String clause) {
        String current = clause;
        for (int i = 0; i < 4; i++) {
            Matcher m = FILLER.matcher(current);
            if (!m.find() || m.end() == 0) {
                break;
            }
            current = current.substring(m.end()).trim();
        }
        return current;
    }
}
