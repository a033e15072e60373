package com.finagent.application.analytics;

/** Period returns from a price series. */
public final class Returns {

    private Returns() {
    }

    /** {@code p[t] / p[t-1] - 1}; one fewer value than prices. */
    public static double[] simple(double[] prices) {
        requirePrices(prices);
        double[] returns = new double[prices.length - 1];
        for (int t = 1; t < prices.length; t++) {
            returns[t - 1] = prices[t] / prices[t - 1] - 1;
        }
        return returns;
    }

    /** {@code ln(p[t] / p[t-1])}; one fewer value than prices. */
    public static double[] log(double[] prices) {
        requirePrices(prices);
        double[] returns = new double[prices.length - 1];
        for (int t = 1; t < prices.length; t++) {
            returns[t - 1] = Math.log(prices[t] / prices[t - 1]);
        }
        return returns;
    }

    private static void requirePrices(double[] prices) {
        if (prices == null || prices.length < 2) {
            throw new IllegalArgumentException("prices: at least two prices are needed for a return");
        }
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0) || Double.isInfinite(prices[i])) {
                throw new IllegalArgumentException("prices[" + i + "]: a price must be a positive finite number");
            }
        }
    }
}
