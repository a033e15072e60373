package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The offline live feed: each UTC day it opens at the symbol's last real close and moves as a random walk
 * with the symbol's own historical daily volatility, one step a minute. The walk is seeded by the symbol and
 * the day, so the same instant always gives the same price, on every node of a cluster.
 */
public final class SimulatedIntradayFeed {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private SimulatedIntradayFeed() {
    }

    public static double price(String symbol, List<DailyBar> history, Instant at) {
        DailyBar last = history.get(history.size() - 1);
        double minuteVolatility = dailyVolatility(history) / Math.sqrt(MINUTES_PER_DAY);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        long minute = ChronoUnit.MINUTES.between(day.atStartOfDay().toInstant(ZoneOffset.UTC), at);
        SplittableRandom random = new SplittableRandom(symbol.hashCode() * 1_000_003L + day.toEpochDay());
        double logPrice = Math.log(last.close());
        for (long m = 0; m < minute; m++) {
            logPrice += minuteVolatility * random.nextGaussian();
        }
        return Math.exp(logPrice);
    }

    /** Sample standard deviation of daily log returns over the last year of history. */
    static double dailyVolatility(List<DailyBar> history) {
        int from = Math.max(1, history.size() - 252);
        int n = history.size() - from;
        if (n < 2) {
            return 0.01;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = from; i < history.size(); i++) {
            double r = Math.log(history.get(i).close() / history.get(i - 1).close());
            sum += r;
            sumSquares += r * r;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1)));
    }
}
