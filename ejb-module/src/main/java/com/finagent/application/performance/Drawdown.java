package com.finagent.application.performance;

/**
 * Drawdown measured on the time-weighted growth index, so that a withdrawal does not look like a loss and a
 * deposit does not hide one.
 */
public final class Drawdown {

    private Drawdown() {
    }

    /** For each day, how far the index stands below its highest point so far (0 or negative). */
    public static double[] series(double[] index) {
        double[] drawdown = new double[index.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < index.length; i++) {
            peak = Math.max(peak, index[i]);
            drawdown[i] = peak > 0 ? index[i] / peak - 1.0 : 0.0;
        }
        return drawdown;
    }

    /** The deepest drawdown (0 or negative). */
    public static double maximum(double[] index) {
        double deepest = 0;
        for (double value : series(index)) {
            deepest = Math.min(deepest, value);
        }
        return deepest;
    }
}
