package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.JsonFields;
import jakarta.json.JsonValue;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The five-notch stance scale as numbers from -2 to 2, and how arguments point and are backed on it. */
final class Stances {

    static final String[] STANCES = {"STRONG_SELL", "SELL", "HOLD", "BUY", "STRONG_BUY"};

    private Stances() {
    }

    static int distinctCitations(JsonValue arguments) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue argument : JsonFields.array(arguments)) {
            JsonFields.array(argument, "evidence").forEach(e -> ids.add(JsonFields.text(e)));
        }
        return ids.size();
    }

    /** How well a position is backed: a cited position counts fully from five distinct citations. */
    static double quality(int citations) {
        return Math.min(1, 0.4 + 0.12 * citations);
    }

    static int stanceOf(double score) {
        return score >= 0.55 ? 2 : score >= 0.15 ? 1 : score > -0.15 ? 0 : score > -0.55 ? -1 : -2;
    }

    static int stanceValue(String stance) {
        String normal = stance == null ? "" : stance.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (int i = 0; i < STANCES.length; i++) {
            if (STANCES[i].equals(normal)) {
                return i - 2;
            }
        }
        return 0;
    }

    static int directionSign(String direction) {
        return switch (direction == null ? "" : direction) {
            case "bullish" -> 1;
            case "bearish" -> -1;
            default -> 0;
        };
    }

    static String direction(double score) {
        return score > 0 ? "bullish" : score < 0 ? "bearish" : "neutral";
    }
}
