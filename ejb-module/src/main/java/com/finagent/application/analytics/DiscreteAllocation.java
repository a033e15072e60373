package com.finagent.application.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole shares from weights and an amount of cash, by PyPortfolioOpt's greedy algorithm
 * ({@code DiscreteAllocation.greedy_portfolio}, without reinvesting short proceeds):
 * <ol>
 *   <li>assets in descending order of weight; each buys {@code floor(weight * value / price)} shares;</li>
 *   <li>then, while cash remains, one more share of the asset furthest below its weight (weight minus its share
 *       of what is held), skipping assets it cannot afford (at most ten in a row), until none is below
 *       its weight or nothing affordable is.</li>
 * </ol>
 * With short weights the longs (scaled to sum to 1) are allocated {@code value} and the shorts (scaled likewise)
 * {@code value * shortRatio}, each greedily; short positions are negative share counts. The short ratio defaults
 * to the sum of the short weights' magnitudes.
 */
public final class DiscreteAllocation {

    private DiscreteAllocation() {
    }

    /** Shares by symbol (none for zero) and the cash left over. */
    public record Result(Map<String, Long> shares, double leftover) {
    }

    /**
     * @param weights      by symbol, in the order the assets were given
     * @param latestPrices by symbol, the price each share is bought or sold at
     * @param value        cash to invest, more than 0
     * @param shortRatio   short exposure as a fraction of {@code value}; {@code null} for the default
     */
    public static Result greedy(Map<String, Double> weights, Map<String, Double> latestPrices, double value,
                                Double shortRatio) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("portfolioValue: must be more than 0");
        }
        if (shortRatio != null && !(shortRatio >= 0)) {
            throw new IllegalArgumentException("shortRatio: must not be negative");
        }
        for (String symbol : weights.keySet()) {
            Double price = latestPrices.get(symbol);
            if (price == null || !(price > 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("latestPrices." + symbol + ": needs a positive latest price");
            }
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(weights.entrySet());
        sorted.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        if (sorted.get(sorted.size() - 1).getValue() < 0) {
            Map<String, Double> longs = new LinkedHashMap<>();
            Map<String, Double> shorts = new LinkedHashMap<>();
            weights.forEach((symbol, w) -> {
                if (w >= 0) {
                    longs.put(symbol, w);
                } else {
                    shorts.put(symbol, -w);
                }
            });
            double shortTotal = shorts.values().stream().mapToDouble(Double::doubleValue).sum();
            double ratio = shortRatio != null ? shortRatio : shortTotal;
            Result longSide = greedyLongOnly(normalised(longs), latestPrices, value);
            Result shortSide = greedyLongOnly(normalised(shorts), latestPrices, value * ratio);
            Map<String, Long> shares = new LinkedHashMap<>(longSide.shares());
            shortSide.shares().forEach((symbol, count) -> shares.put(symbol, -count));
            shares.values().removeIf(count -> count == 0);
            return new Result(shares, longSide.leftover() + shortSide.leftover());
        }
        return greedyLongOnly(weights, latestPrices, value);
    }

    private static Map<String, Double> normalised(Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> scaled = new LinkedHashMap<>();
        weights.forEach((symbol, w) -> scaled.put(symbol, w / total));
        return scaled;
    }

    private static Result greedyLongOnly(Map<String, Double> weights, Map<String, Double> latestPrices, double value) {
        List<Map.Entry<String, Double>> order = new ArrayList<>(weights.entrySet());
        order.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        int n = order.size();
        double[] ideal = new double[n];
        double[] price = new double[n];
        long[] bought = new long[n];
        double funds = value;
        for (int i = 0; i < n; i++) {
            ideal[i] = order.get(i).getValue();
            price[i] = latestPrices.get(order.get(i).getKey());
            bought[i] = (long) (ideal[i] * value / price[i]);
            funds -= bought[i] * price[i];
        }
        while (funds > 0) {
            double held = 0;
            for (int i = 0; i < n; i++) {
                held += price[i] * bought[i];
            }
            double[] deficit = new double[n];
            for (int i = 0; i < n; i++) {
                deficit[i] = ideal[i] - (held > 0 ? price[i] * bought[i] / held : 0);
            }
            int index = argmax(deficit);
            int skipped = 0;
            while (price[index] > funds) {
                deficit[index] = 0;
                index = argmax(deficit);
                if (deficit[index] < 0 || skipped == 10) {
                    break;
                }
                skipped++;
            }
            if (deficit[index] <= 0 || skipped == 10) {
                break;
            }
            bought[index]++;
            funds -= price[index];
        }
        Map<String, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (bought[i] != 0) {
                shares.put(order.get(i).getKey(), bought[i]);
            }
        }
        return new Result(shares, funds);
    }

    /** The first index of the largest value, as numpy's argmax. */
    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
