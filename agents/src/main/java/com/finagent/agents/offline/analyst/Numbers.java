package com.finagent.agents.offline.analyst;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the analyst computes and writes them: rounded, clamped, printed like the evidence prints them. */
final class Numbers {

    private Numbers() {
    }

    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** A figure as printed in evidence: at most two decimals, no trailing zeros. */
    static String num(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with one decimal. */
    static String pct(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
