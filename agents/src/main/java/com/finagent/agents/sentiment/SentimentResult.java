package com.finagent.agents.sentiment;

import java.util.Objects;

/**
 * The sentiment of one text.
 *
 * @param label      the most likely class
 * @param score      P(positive) - P(negative), in [-1, 1]: negative below zero, positive above
 * @param confidence the probability of {@code label}, in [0, 1]; zero when there was nothing to read
 */
public record SentimentResult(SentimentLabel label, double score, double confidence) {

    private static final SentimentResult NOTHING = new SentimentResult(SentimentLabel.NEUTRAL, 0.0, 0.0);

    public SentimentResult {
        Objects.requireNonNull(label, "label");
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score outside [-1, 1]: " + score);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
    }

    /** The result for a text with nothing to score (null, empty or blank). */
    public static SentimentResult nothing() {
        return NOTHING;
    }
}
