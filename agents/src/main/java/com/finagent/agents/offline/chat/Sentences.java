package com.finagent.agents.offline.chat;

import com.finagent.agents.tools.ToolResult;

import java.util.List;

/** How the offline chat writes sources, dates, quotes and lists into sentences. */
final class Sentences {

    private Sentences() {
    }

    /** A result's source and date, as named in brackets after its figures. */
    static String sourceOf(ToolResult result) {
        String source = result.source() == null ? result.tool() : result.source();
        return result.asOf() == null ? source : source + ", " + date(result.asOf());
    }

    /** The day of a timestamp. */
    static String date(String asOf) {
        return asOf.length() > 10 && asOf.matches("\\d{4}-\\d{2}-\\d{2}[T ].*") ? asOf.substring(0, 10) : asOf;
    }

    /** A question quoted on one line, at most 80 characters. */
    static String shorten(String text) {
        String clean = text.replaceAll("\\s+", " ").trim();
        return clean.length() <= 80 ? clean : clean.substring(0, 77).trim() + "...";
    }

    /** "a", "a and b", "a, b and c". */
    static String joinSentences(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
