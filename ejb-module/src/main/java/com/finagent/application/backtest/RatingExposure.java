package com.finagent.application.backtest;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The documented rule from a debate's rating to the share of the portfolio held: strong buy 100 %, buy 75 %,
 * hold 50 %, sell 25 %, strong sell 0 % (long only, never short or leveraged). An abstention or "insufficient
 * evidence" is no call: the holding stays as it was (cash before the first call).
 */
public final class RatingExposure {

    private RatingExposure() {
    }

    public static OptionalDouble of(String rating) {
        if (rating == null) {
            return OptionalDouble.empty();
        }
        return switch (rating.strip().toUpperCase(Locale.ROOT).replace(' ', '_')) {
            case "STRONG_BUY" -> OptionalDouble.of(1.0);
            case "BUY" -> OptionalDouble.of(0.75);
            case "HOLD" -> OptionalDouble.of(0.5);
            case "SELL" -> OptionalDouble.of(0.25);
            case "STRONG_SELL" -> OptionalDouble.of(0.0);
            default -> OptionalDouble.empty();
        };
    }
}
