package com.finagent.application.analytics;

import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mean-variance optimisation with PyPortfolioOpt's default conventions: expected returns are each asset's
 * annualised CAGR, risk is the sample covariance of simple returns annualised by {@code periodsPerYear}, weights
 * sum to 1 within per-asset bounds (long-only by default).
 *
 * <p>Every frontier portfolio solves {@code min w'Sw - gamma * mu'w} over the bounded simplex for some
 * {@code gamma >= 0}; that convex QP is solved by accelerated projected gradient (exact projection onto the
 * bounded simplex). Minimum variance is {@code gamma = 0}; a target return or volatility is met by bisection
 * on {@code gamma}, along which both rise; the maximum Sharpe ratio by a scan over {@code gamma} refined by
 * golden-section search.
 */
public final class PortfolioOptimizer {

    private static final int MAX_ITERATIONS = 50_000;
    private static final double TOLERANCE = 1e-13;

    private final double[] mu;
    private final double[][] sigma;
    private final double[] lower;
    private final double[] upper;
    private final double lipschitz;

    /** A portfolio: weights and its annual expected return, volatility and Sharpe ratio. */
    public record Allocation(double[] weights, double expectedReturn, double volatility, double sharpeRatio) {
    }

    public PortfolioOptimizer(double[] expectedReturns, double[][] covariance, double[] lower, double[] upper) {
        int n = expectedReturns.length;
        if (covariance.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("assets: returns, covariance and bounds must describe the same assets");
        }
        double lowSum = 0;
        double highSum = 0;
        for (int i = 0; i < n; i++) {
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("bounds: a lower bound is above its upper bound");
            }
            lowSum += lower[i];
            highSum += upper[i];
        }
        if (lowSum > 1 + 1e-12 || highSum < 1 - 1e-12) {
            throw new IllegalArgumentException("bounds: no weights within these bounds add up to 1");
        }
        this.mu = expectedReturns.clone();
        this.sigma = covariance;
        this.lower = lower.clone();
        this.upper = upper.clone();
        double maxRowSum = 0;
        for (double[] row : covariance) {
            maxRowSum = Math.max(maxRowSum, Arrays.stream(row).map(Math::abs).sum());
        }
        this.lipschitz = 2 * Math.max(maxRowSum, 1e-12);
    }

    /** PyPortfolioOpt's inputs from a price panel: CAGR per asset and the annualised sample covariance. */
    public static PortfolioOptimizer fromPrices(double[][] pricesByAsset, int periodsPerYear, double[] lower, double[] upper) {
        int n = pricesByAsset.length;
        double[] mu = new double[n];
        double[][] returns = new double[pricesByAsset[0].length - 1][n];
        for (int i = 0; i < n; i++) {
            double[] prices = pricesByAsset[i];
            if (prices.length != pricesByAsset[0].length) {
                throw new IllegalArgumentException("prices: every asset needs the same number of prices");
            }
            double[] r = Returns.simple(prices);
            mu[i] = Math.pow(prices[prices.length - 1] / prices[0], (double) periodsPerYear / r.length) - 1;
            for (int t = 0; t < r.length; t++) {
                returns[t][i] = r[t];
            }
        }
        RealMatrix covariance = SampleCovariance.of(returns)
                .scalarMultiply(periodsPerYear);
        return new PortfolioOptimizer(mu, covariance.getData(), lower, upper);
    }

    public Allocation minVolatility(double riskFreeRate) {
        return allocation(solve(0), riskFreeRate);
    }

    /** The least volatile portfolio expected to return at least {@code target}. */
    public Allocation efficientReturn(double target, double riskFreeRate) {
        double best = allocation(solve(highGamma()), riskFreeRate).expectedReturn();
        if (target > best + 1e-9) {
            throw new IllegalArgumentException("targetReturn: above the highest achievable return " + round(best));
        }
        Allocation minimum = minVolatility(riskFreeRate);
        if (target <= minimum.expectedReturn()) {
            return minimum;
        }
        return allocation(solve(bisect(gamma -> allocation(solve(gamma), 0).expectedReturn() - target)), riskFreeRate);
    }

    /** The highest-returning portfolio whose volatility does not exceed {@code target}. */
    public Allocation efficientRisk(double target, double riskFreeRate) {
        Allocation minimum = minVolatility(riskFreeRate);
        if (target < minimum.volatility() - 1e-9) {
            throw new IllegalArgumentException("targetVolatility: below the lowest achievable volatility "
                    + round(minimum.volatility()));
        }
        Allocation riskiest = allocation(solve(highGamma()), riskFreeRate);
        if (target >= riskiest.volatility()) {
            return riskiest;
        }
        return allocation(solve(bisect(gamma -> allocation(solve(gamma), 0).volatility() - target)), riskFreeRate);
    }

    public Allocation maxSharpe(double riskFreeRate) {
        boolean anyAboveRiskFree = Arrays.stream(mu).anyMatch(m -> m > riskFreeRate);
        if (!anyAboveRiskFree) {
            throw new IllegalArgumentException("riskFreeRate: no asset is expected to return more than the risk-free rate");
        }
        // A coarse scan in log(gamma) brackets the best frontier portfolio; golden-section search refines it.
        int scan = 60;
        double logLow = Math.log(1e-6);
        double logHigh = Math.log(highGamma());
        double stepSize = (logHigh - logLow) / scan;
        int bestIndex = 0;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= scan; k++) {
            double sharpe = sharpeAt(Math.exp(logLow + k * stepSize), riskFreeRate);
            if (sharpe > bestSharpe) {
                bestSharpe = sharpe;
                bestIndex = k;
            }
        }
        double a = logLow + Math.max(0, bestIndex - 1) * stepSize;
        double b = logLow + Math.min(scan, bestIndex + 1) * stepSize;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double c = b - ratio * (b - a);
            double d = a + ratio * (b - a);
            if (sharpeAt(Math.exp(c), riskFreeRate) > sharpeAt(Math.exp(d), riskFreeRate)) {
                b = d;
            } else {
                a = c;
            }
        }
        Allocation best = allocation(solve(Math.exp((a + b) / 2)), riskFreeRate);
        Allocation minimum = minVolatility(riskFreeRate);
        return minimum.sharpeRatio() > best.sharpeRatio() ? minimum : best;
    }

    /** {@code points} portfolios from minimum volatility to maximum return. */
    public List<Allocation> frontier(int points, double riskFreeRate) {
        double low = minVolatility(riskFreeRate).expectedReturn();
        double high = allocation(solve(highGamma()), riskFreeRate).expectedReturn();
        List<Allocation> frontier = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double target = low + (high - low) * k / Math.max(1, points - 1);
            frontier.add(efficientReturn(target, riskFreeRate));
        }
        return frontier;
    }

    private double sharpeAt(double gamma, double riskFreeRate) {
        return allocation(solve(gamma), riskFreeRate).sharpeRatio();
    }

    /** Large enough that variance no longer matters: the maximum-return corner of the bounded simplex. */
    private double highGamma() {
        double spread = Arrays.stream(mu).max().orElse(0) - Arrays.stream(mu).min().orElse(0);
        return 1e6 * lipschitz / Math.max(spread, 1e-9);
    }

    private interface Gap {
        double at(double gamma);
    }

    private double bisect(Gap gap) {
        double lo = 0;
        double hi = highGamma();
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = Math.sqrt(Math.max(lo, 1e-12) * hi);
            if (gap.at(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Accelerated projected gradient for {@code min w'Sw - gamma mu'w} over the bounded simplex. */
    double[] solve(double gamma) {
        int n = mu.length;
        double step = 1 / (lipschitz + 1e-12);
        double[] w = project(new double[n]);
        double[] y = w.clone();
        double t = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            for (int i = 0; i < n; i++) {
                double g = 0;
                for (int j = 0; j < n; j++) {
                    g += sigma[i][j] * y[j];
                }
                gradient[i] = 2 * g - gamma * mu[i];
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = y[i] - step * gradient[i];
            }
            next = project(next);
            double nextT = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double change = 0;
            for (int i = 0; i < n; i++) {
                y[i] = next[i] + (t - 1) / nextT * (next[i] - w[i]);
                change = Math.max(change, Math.abs(next[i] - w[i]));
            }
            w = next;
            t = nextT;
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** Euclidean projection onto {w : sum w = 1, lower <= w <= upper}: clip(v - lambda), lambda by bisection. */
    private double[] project(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            lo = Math.min(lo, v[i] - upper[i]);
            hi = Math.max(hi, v[i] - lower[i]);
        }
        for (int iteration = 0; iteration < 200; iteration++) {
            double lambda = (lo + hi) / 2;
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += Math.min(upper[i], Math.max(lower[i], v[i] - lambda));
            }
            if (sum > 1) {
                lo = lambda;
            } else {
                hi = lambda;
            }
        }
        double lambda = (lo + hi) / 2;
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = Math.min(upper[i], Math.max(lower[i], v[i] - lambda));
        }
        return w;
    }

    private Allocation allocation(double[] w, double riskFreeRate) {
        double ret = 0;
        double variance = 0;
        for (int i = 0; i < w.length; i++) {
            ret += w[i] * mu[i];
            for (int j = 0; j < w.length; j++) {
                variance += w[i] * sigma[i][j] * w[j];
            }
        }
        double volatility = Math.sqrt(Math.max(variance, 0));
        return new Allocation(w, ret, volatility, volatility > 0 ? (ret - riskFreeRate) / volatility : Double.NaN);
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
