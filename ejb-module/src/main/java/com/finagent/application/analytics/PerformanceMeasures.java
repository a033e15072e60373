package com.finagent.application.analytics;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;

/**
 * Return and risk measures of a return series, following empyrical's conventions so that figures match
 * the published ones: sample standard deviation (n - 1) for volatility and Sharpe, population moments for
 * downside risk, NaN observations skipped in statistics but counted in the compounding period.
 */
public final class PerformanceMeasures {

    private PerformanceMeasures() {
    }

    /** Total compounded return: {@code prod(1 + r) - 1}, a NaN counting as a zero return. */
    public static double cumulativeReturn(double[] returns) {
        double wealth = 1;
        for (double r : returns) {
            if (!Double.isNaN(r)) {
                wealth *= 1 + r;
            }
        }
        return wealth - 1;
    }

    /** Compound annual growth rate: {@code (1 + cumulative)^(periodsPerYear / n) - 1}. */
    public static double annualReturn(double[] returns, int periodsPerYear) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        return Math.pow(1 + cumulativeReturn(returns), (double) periodsPerYear / returns.length) - 1;
    }

    /**
     * Compound annual growth by calendar time: {@code (1 + cumulative)^(365.25 / days) - 1}, {@code days} being the
     * calendar days from the first to the last price (ffn's convention for dated series).
     */
    public static double calendarAnnualReturn(double[] returns, long days) {
        if (days <= 0) {
            return Double.NaN;
        }
        return Math.pow(1 + cumulativeReturn(returns), 365.25 / days) - 1;
    }

    /**
     * Sample skewness adjusted for sample size, {@code n / ((n-1)(n-2)) * sum(((x - mean) / s)^3)}: Excel's SKEW
     * and pandas' {@code Series.skew()}, which Commons Math's {@code Skewness} computes. NaN below 3 values.
     */
    public static double skewness(double[] returns) {
        double[] values = finite(returns);
        return values.length < 3 ? Double.NaN : new Skewness().evaluate(values);
    }

    /**
     * Excess kurtosis adjusted for sample size (Excel's KURT, pandas' {@code Series.kurt()}), as Commons Math's
     * {@code Kurtosis} computes it: 0 for a normal sample on average. NaN below 4 values.
     */
    public static double excessKurtosis(double[] returns) {
        double[] values = finite(returns);
        return values.length < 4 ? Double.NaN : new Kurtosis().evaluate(values);
    }

    public static double annualVolatility(double[] returns, int periodsPerYear) {
        return sampleStandardDeviation(finite(returns)) * Math.sqrt(periodsPerYear);
    }

    /** Annualised Sharpe ratio of the excess over a per-period risk-free rate. */
    public static double sharpeRatio(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        double[] excess = finite(subtract(returns, riskFreePerPeriod));
        if (excess.length < 2) {
            return Double.NaN;
        }
        double sd = sampleStandardDeviation(excess);
        return StatUtils.mean(excess) / sd * Math.sqrt(periodsPerYear);
    }

    /** Annualised root-mean-square shortfall below a per-period required return. */
    public static double downsideRisk(double[] returns, double requiredPerPeriod, int periodsPerYear) {
        double[] values = finite(returns);
        if (values.length == 0) {
            return Double.NaN;
        }
        double sumSquares = 0;
        for (double r : values) {
            double shortfall = Math.min(r - requiredPerPeriod, 0);
            sumSquares += shortfall * shortfall;
        }
        return Math.sqrt(sumSquares / values.length) * Math.sqrt(periodsPerYear);
    }

    public static double sortinoRatio(double[] returns, double requiredPerPeriod, int periodsPerYear) {
        double[] excess = finite(subtract(returns, requiredPerPeriod));
        if (excess.length == 0) {
            return Double.NaN;
        }
        double annualisedMean = StatUtils.mean(excess) * periodsPerYear;
        return annualisedMean / downsideRisk(returns, requiredPerPeriod, periodsPerYear);
    }

    /** Deepest fall from a running peak, as a negative return; the starting wealth counts as a peak. */
    public static double maxDrawdown(double[] returns) {
        double wealth = 1;
        double peak = 1;
        double deepest = 0;
        for (double r : returns) {
            if (Double.isNaN(r)) {
                continue;
            }
            wealth *= 1 + r;
            peak = Math.max(peak, wealth);
            deepest = Math.min(deepest, wealth / peak - 1);
        }
        return deepest;
    }

    /** Annual return over the magnitude of the maximum drawdown; NaN when there was no drawdown. */
    public static double calmarRatio(double[] returns, int periodsPerYear) {
        double drawdown = maxDrawdown(returns);
        return drawdown < 0 ? annualReturn(returns, periodsPerYear) / -drawdown : Double.NaN;
    }

    /**
     * Omega ratio: gains over losses around a threshold derived from an annual required return
     * ({@code (1 + required)^(1/periodsPerYear) - 1}), after a per-period risk-free rate.
     */
    public static double omegaRatio(double[] returns, double riskFreePerPeriod, double requiredAnnual,
                                    int periodsPerYear) {
        if (periodsPerYear == 1) {
            return omegaAround(returns, riskFreePerPeriod, requiredAnnual);
        }
        if (requiredAnnual <= -1) {
            return Double.NaN;
        }
        double threshold = Math.pow(1 + requiredAnnual, 1.0 / periodsPerYear) - 1;
        return omegaAround(returns, riskFreePerPeriod, threshold);
    }

    private static double omegaAround(double[] returns, double riskFree, double threshold) {
        double gains = 0;
        double losses = 0;
        for (double r : finite(returns)) {
            double excess = r - riskFree - threshold;
            if (excess > 0) {
                gains += excess;
            } else {
                losses -= excess;
            }
        }
        return losses > 0 ? gains / losses : Double.NaN;
    }

    /**
     * CAPM beta (covariance over benchmark variance) and annualised alpha
     * ({@code (1 + mean(r - beta * b))^periodsPerYear - 1}) on the periods where both are known.
     */
    public static AlphaBeta alphaBeta(double[] returns, double[] benchmark, double riskFreePerPeriod,
                                      int periodsPerYear) {
        if (returns.length != benchmark.length) {
            throw new IllegalArgumentException("benchmark: must have as many periods as the returns ("
                    + returns.length + "), has " + benchmark.length);
        }
        int n = 0;
        double[] r = new double[returns.length];
        double[] b = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isNaN(returns[i]) && !Double.isNaN(benchmark[i])) {
                r[n] = returns[i] - riskFreePerPeriod;
                b[n] = benchmark[i] - riskFreePerPeriod;
                n++;
            }
        }
        r = Arrays.copyOf(r, n);
        b = Arrays.copyOf(b, n);
        double meanB = StatUtils.mean(b);
        double meanR = StatUtils.mean(r);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (r[i] - meanR) * (b[i] - meanB);
            variance += (b[i] - meanB) * (b[i] - meanB);
        }
        double beta = covariance / variance;
        double meanResidual = 0;
        for (int i = 0; i < n; i++) {
            meanResidual += r[i] - beta * b[i];
        }
        meanResidual /= n;
        double alpha = Math.pow(1 + meanResidual, periodsPerYear) - 1;
        return new AlphaBeta(alpha, beta);
    }

    /** Jensen's alpha (annualised) and beta against a benchmark. */
    public record AlphaBeta(double alpha, double beta) {
    }

    static double[] finite(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double[] subtract(double[] values, double amount) {
        return Arrays.stream(values).map(v -> v - amount).toArray();
    }

    private static double sampleStandardDeviation(double[] values) {
        return values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
    }
}
