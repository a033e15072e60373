package com.finagent.agents.memory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wording of memory sentences: normalising them, and turning "The user …" into "you …" for answers. */
public final class MemoryText {

    /** Messages without a first-person word state nothing about the user. */
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|our|us)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern THE_USER = Pattern.compile("^(?i:the user)(?:'s|\\s+(\\S+))");

    private MemoryText() {
    }

    /** Whether {@code message} says anything about its writer: it has a first-person word. */
    public static boolean speaksOfTheUser(String message) {
        return message != null && !message.isBlank() && FIRST_PERSON.matcher(message).find();
    }

    /** Trimmed, single-spaced, capitalised, ending with a full stop, at most {@link Memory#MAX_LENGTH} characters. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String clean = SPACES.matcher(text.replace('\u00a0', ' ')).replaceAll(" ").trim();
        while (clean.endsWith(",") || clean.endsWith(";") || clean.endsWith(":")) {
            clean = clean.substring(0, clean.length() - 1).trim();
        }
        if (clean.isEmpty()) {
            return "";
        }
        if (clean.length() > Memory.MAX_LENGTH - 1) {
            int cut = clean.lastIndexOf(' ', Memory.MAX_LENGTH - 2);
            clean = clean.substring(0, cut > 40 ? cut : Memory.MAX_LENGTH - 2).trim();
        }
        clean = Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
        char last = clean.charAt(clean.length() - 1);
        return last == '.' || last == '!' || last == '?' ? clean : clean + ".";
    }

    /**
     * "The user has a low risk tolerance." becomes "you have a low risk tolerance", "The user's horizon is …" becomes
     * "your horizon is …"; a sentence in another form comes back without its full stop.
     */
    public static String secondPerson(String text) {
        String sentence = text == null ? "" : text.trim();
        if (sentence.endsWith(".")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        Matcher m = THE_USER.matcher(sentence);
        if (!m.find()) {
            return sentence.isEmpty() ? sentence
                    : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        String rest = sentence.substring(m.end());
        if (m.group(1) == null) {
            return "your" + rest;
        }
        return "you " + verb(m.group(1)) + rest;
    }

    /** The second-person form of the verb after "The user". */
    private static String verb(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "is" -> "are";
            case "has" -> "have";
            case "was" -> "were";
            case "does" -> "do";
            case "doesn't" -> "don't";
            case "isn't" -> "aren't";
            case "hasn't" -> "haven't";
            default -> {
                if (lower.endsWith("ies") && lower.length() > 4) {
                    yield word.substring(0, word.length() - 3) + "y";
                }
                if (lower.endsWith("sses") || lower.endsWith("shes") || lower.endsWith("ches") || lower.endsWith("xes")) {
                    yield word.substring(0, word.length() - 2);
                }
                if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 2) {
                    yield word.substring(0, word.length() - 1);
                }
                yield word;
            }
        };
    }
}
