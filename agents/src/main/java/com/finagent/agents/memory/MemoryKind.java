package com.finagent.agents.memory;

import java.util.Locale;

/** What a long-term memory is about; {@link #key()} is the value stored in {@code user_memories.kind}. */
public enum MemoryKind {
    RISK_TOLERANCE("risk_tolerance"),
    HORIZON("horizon"),
    HOLDING_INTEREST("holding_interest"),
    DISLIKE("dislike"),
    PREFERENCE("preference"),
    FACT("fact");

    private final String key;

    MemoryKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Whether a user has one such memory at a time, so a new one replaces the old (a user's risk tolerance changes;
     * it does not accumulate).
     */
    public boolean singleValued() {
        return this == RISK_TOLERANCE || this == HORIZON;
    }

    /** Parses a key, also in the spellings language models tend to use ({@code "Risk tolerance"}, {@code holding-interest}). */
    public static MemoryKind parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (MemoryKind kind : values()) {
            if (kind.key.equals(wanted)) {
                return kind;
            }
        }
        return switch (wanted) {
            case "risk", "risk_profile", "risk_appetite" -> RISK_TOLERANCE;
            case "time_horizon", "investment_horizon", "goal" -> HORIZON;
            case "holding", "interest", "holdings", "interests" -> HOLDING_INTEREST;
            case "dislikes", "avoid", "exclusion" -> DISLIKE;
            case "preferences", "like" -> PREFERENCE;
            case "facts", "personal_fact" -> FACT;
            default -> throw new IllegalArgumentException("Unknown memory kind '" + value + "'");
        };
    }
}
