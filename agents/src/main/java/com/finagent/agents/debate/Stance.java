package com.finagent.agents.debate;

import java.util.Locale;

/** A participant's or the debate's view on the five-point scale. */
public enum Stance {
    STRONG_SELL(-2), SELL(-1), HOLD(0), BUY(1), STRONG_BUY(2);

    private final int value;

    Stance(int value) {
        this.value = value;
    }

    /** -2 (strong sell) to +2 (strong buy). */
    public int value() {
        return value;
    }

    public static Stance ofValue(int value) {
        return values()[Math.max(-2, Math.min(2, value)) + 2];
    }

    /** The stance a weighted score in [-2, 2] rounds to. */
    public static Stance ofScore(double score) {
        // half away from zero, so that bullish and bearish scores round alike
        return ofValue((int) Math.signum(score) * (int) Math.round(Math.abs(score)));
    }

    /** Reads what a model writes: {@code STRONG_BUY}, {@code "strong buy"}, {@code Buy}, {@code -1}, … */
    public static Stance parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("stance is missing");
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(normal);
        } catch (IllegalArgumentException notAName) {
            try {
                return ofValue(Integer.parseInt(normal.replace("+", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown stance '" + text + "'");
            }
        }
    }

    public String label() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
