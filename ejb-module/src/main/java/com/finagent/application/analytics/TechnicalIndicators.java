package com.finagent.application.analytics;

import java.util.Arrays;

/**
 * Technical indicators over price bars. Each returns one value per input bar, {@code NaN} while the
 * indicator is still warming up. Smoothing follows the usual definitions: EMA with {@code 2 / (n + 1)} seeded
 * by the simple average of the first {@code n} values; RSI and ATR with Wilder's smoothing ({@code 1 / n}).
 */
public final class TechnicalIndicators {

    private TechnicalIndicators() {
    }

    public static double[] sma(double[] values, int period) {
        requirePeriod(values, period);
        double[] out = nan(values.length);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= period) {
                sum -= values[i - period];
            }
            if (i >= period - 1) {
                out[i] = sum / period;
            }
        }
        return out;
    }

    public static double[] ema(double[] values, int period) {
        return smoothed(values, period, 2.0 / (period + 1));
    }

    /** Relative strength index (Wilder): 100 - 100 / (1 + average gain / average loss). */
    public static double[] rsi(double[] closes, int period) {
        requirePeriod(closes, period + 1);
        double[] out = nan(closes.length);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = closes[i] - closes[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        out[period] = rsiOf(gain, loss);
        for (int i = period + 1; i < closes.length; i++) {
            double change = closes[i] - closes[i - 1];
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
            out[i] = rsiOf(gain, loss);
        }
        return out;
    }

    /** MACD line (fast EMA - slow EMA), its signal line (EMA of the MACD) and the histogram. */
    public static Macd macd(double[] closes, int fast, int slow, int signal) {
        if (fast >= slow) {
            throw new IllegalArgumentException("fast: the fast period must be shorter than the slow one");
        }
        double[] fastEma = ema(closes, fast);
        double[] slowEma = ema(closes, slow);
        double[] line = nan(closes.length);
        for (int i = slow - 1; i < closes.length; i++) {
            line[i] = fastEma[i] - slowEma[i];
        }
        double[] signalLine = nan(closes.length);
        double[] histogram = nan(closes.length);
        if (closes.length >= slow - 1 + signal) {
            double[] defined = Arrays.copyOfRange(line, slow - 1, closes.length);
            double[] smoothed = ema(defined, signal);
            for (int i = 0; i < defined.length; i++) {
                signalLine[slow - 1 + i] = smoothed[i];
                histogram[slow - 1 + i] = defined[i] - smoothed[i];
            }
        }
        return new Macd(line, signalLine, histogram);
    }

    /** Bollinger bands: SMA +/- k population standard deviations over the same window. */
    public static Bands bollinger(double[] closes, int period, double k) {
        double[] middle = sma(closes, period);
        double[] upper = nan(closes.length);
        double[] lower = nan(closes.length);
        for (int i = period - 1; i < closes.length; i++) {
            double sumSquares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double d = closes[j] - middle[i];
                sumSquares += d * d;
            }
            double sd = Math.sqrt(sumSquares / period);
            upper[i] = middle[i] + k * sd;
            lower[i] = middle[i] - k * sd;
        }
        return new Bands(upper, middle, lower);
    }

    /**
     * Stochastic oscillator as KDJ: RSV = (close - lowest low) / (highest high - lowest low) x 100 over
     * {@code period}; K and D are smoothed with weight 1/{@code kSmoothing} and 1/{@code dSmoothing}
     * starting from 50; J = 3K - 2D.
     */
    public static Kdj kdj(double[] highs, double[] lows, double[] closes, int period, int kSmoothing, int dSmoothing) {
        requireBars(highs, lows, closes);
        requirePeriod(closes, period);
        double[] k = nan(closes.length);
        double[] d = nan(closes.length);
        double[] j = nan(closes.length);
        double previousK = 50;
        double previousD = 50;
        for (int i = period - 1; i < closes.length; i++) {
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int w = i - period + 1; w <= i; w++) {
                highest = Math.max(highest, highs[w]);
                lowest = Math.min(lowest, lows[w]);
            }
            double rsv = highest == lowest ? 50 : (closes[i] - lowest) / (highest - lowest) * 100;
            previousK = ((kSmoothing - 1) * previousK + rsv) / kSmoothing;
            previousD = ((dSmoothing - 1) * previousD + previousK) / dSmoothing;
            k[i] = previousK;
            d[i] = previousD;
            j[i] = 3 * previousK - 2 * previousD;
        }
        return new Kdj(k, d, j);
    }

    /** Average true range (Wilder), seeded by the mean true range of the first {@code period} bars. */
    public static double[] atr(double[] highs, double[] lows, double[] closes, int period) {
        requireBars(highs, lows, closes);
        requirePeriod(closes, period + 1);
        double[] trueRange = new double[closes.length];
        for (int i = 1; i < closes.length; i++) {
            trueRange[i] = Math.max(highs[i] - lows[i],
                    Math.max(Math.abs(highs[i] - closes[i - 1]), Math.abs(lows[i] - closes[i - 1])));
        }
        double[] out = nan(closes.length);
        double average = 0;
        for (int i = 1; i <= period; i++) {
            average += trueRange[i];
        }
        average /= period;
        out[period] = average;
        for (int i = period + 1; i < closes.length; i++) {
            average = (average * (period - 1) + trueRange[i]) / period;
            out[i] = average;
        }
        return out;
    }

    public record Macd(double[] macd, double[] signal, double[] histogram) {
    }

    public record Bands(double[] upper, double[] middle, double[] lower) {
    }

    public record Kdj(double[] k, double[] d, double[] j) {
    }

    private static double[] smoothed(double[] values, int period, double alpha) {
        requirePeriod(values, period);
        double[] out = nan(values.length);
        double seed = 0;
        for (int i = 0; i < period; i++) {
            seed += values[i];
        }
        double current = seed / period;
        out[period - 1] = current;
        for (int i = period; i < values.length; i++) {
            current = alpha * values[i] + (1 - alpha) * current;
            out[i] = current;
        }
        return out;
    }

    private static double rsiOf(double averageGain, double averageLoss) {
        if (averageLoss == 0) {
            return averageGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + averageGain / averageLoss);
    }

    private static double[] nan(int length) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static void requirePeriod(double[] values, int needed) {
        if (needed < 1) {
            throw new IllegalArgumentException("period: must be at least 1");
        }
        if (values.length < needed) {
            throw new IllegalArgumentException("closes: at least " + needed + " bars are needed, got " + values.length);
        }
    }

    private static void requireBars(double[] highs, double[] lows, double[] closes) {
        if (highs.length != closes.length || lows.length != closes.length) {
            throw new IllegalArgumentException("highs: highs, lows and closes must have the same length");
        }
        for (int i = 0; i < closes.length; i++) {
            if (lows[i] > highs[i]) {
                throw new IllegalArgumentException("lows[" + i + "]: the low is above the high");
            }
        }
    }
}
