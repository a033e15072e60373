package com.finagent.agents.offline.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user's risk tolerance and investment horizon, from long-term memories and what the question states. */
final class StatedPreferences {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern RISK_LEVEL = Pattern.compile("\\b(low|moderate|high) risk tolerance\\b", FLAGS);
    private static final Pattern LONG_HORIZON = Pattern.compile("\\b(?:long-term|retire\\w*|(?:[5-9]|[1-9]\\d) years?|"
            + "20[3-9]\\d)\\b", FLAGS);
    private static final Pattern SHORT_HORIZON = Pattern.compile("\\b(?:short-term|(?:[1-2]) years?|\\d{1,2} months?)\\b",
            FLAGS);

    private final List<String> memories;

    StatedPreferences(List<String> memories) {
        this.memories = memories;
    }

    /** {@code low}, {@code moderate} or {@code high}, the latest stated; null when never stated. */
    String riskLevel(ChatPlan plan) {
        String level = null;
        List<String> all = new ArrayList<>(memories);
        plan.stated.forEach(m -> all.add(m.text()));
        for (String memory : all) {
            Matcher m = RISK_LEVEL.matcher(memory);
            if (m.find()) {
                level = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return level;
    }

    /** {@code short} or {@code long}, the latest stated; null when never stated. */
    String horizon(ChatPlan plan) {
        String horizon = null;
        List<String> all = new ArrayList<>(memories);
        plan.stated.forEach(m -> all.add(m.text()));
        for (String memory : all) {
            String lower = memory.toLowerCase(Locale.ROOT);
            if (!lower.matches(".*\\b(?:horizon|retire\\w*|need the money|investing for|saving for)\\b.*")) {
                continue;
            }
            if (SHORT_HORIZON.matcher(lower).find()) {
                horizon = "short";
            } else if (LONG_HORIZON.matcher(lower).find()) {
                horizon = "long";
            }
        }
        return horizon;
    }
}
