package com.finagent.application.backtest;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Trades one symbol against cash at the close of each rebalance day, to the share of the portfolio a strategy
 * asks for, paying a cost in basis points of each trade's value. A buy never spends more than the cash (the cost
 * included), so the portfolio is never leveraged.
 */
public final class Simulation {

    private Simulation() {
    }

    public static EquityCurve run(PriceTrack track, List<Integer> rebalanceDays, Strategy strategy,
                                  double startingCash, double costBasisPoints) {
        if (rebalanceDays.isEmpty()) {
            throw new IllegalArgumentException("period: no trading day of " + track.symbol() + " falls in it");
        }
        double rate = costBasisPoints / 10_000.0;
        int first = rebalanceDays.get(0);
        int days = track.days() - first;
        double[] values = new double[days];
        double[] exposures = new double[rebalanceDays.size()];
        double cash = startingCash;
        double shares = 0;
        double costs = 0;
        double traded = 0;
        int trades = 0;
        int next = 0;
        for (int day = first; day < track.days(); day++) {
            double price = track.closes()[day];
            if (next < rebalanceDays.size() && rebalanceDays.get(next) == day) {
                OptionalDouble exposure = strategy.exposure(day);
                exposures[next] = exposure.orElse(Double.NaN);
                if (exposure.isPresent()) {
                    double value = cash + shares * price;
                    double target = clamp(exposure.getAsDouble()) * value;
                    double held = shares * price;
                    double amount = target > held ? Math.min(target - held, cash / (1 + rate)) : held - target;
                    if (amount > 1e-9) {
                        double cost = amount * rate;
                        if (target > held) {
                            shares += amount / price;
                            cash -= amount + cost;
                        } else {
                            shares -= amount / price;
                            cash += amount - cost;
                        }
                        costs += cost;
                        traded += amount / value;
                        trades++;
                    }
                }
                next++;
            }
            values[day - first] = cash + shares * price;
        }
        int[] rebalance = rebalanceDays.stream().mapToInt(d -> d - first).toArray();
        return new EquityCurve(track.dates().subList(first, track.days()), values, rebalance, exposures, costs,
                traded, trades);
    }

    private static double clamp(double exposure) {
        return Math.max(0, Math.min(1, exposure));
    }
}
