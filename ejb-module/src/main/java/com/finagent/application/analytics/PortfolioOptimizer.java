package com.finagent.application.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Mean-variance optimisation as PyPortfolioOpt's {@code EfficientFrontier} defines it, for given expected returns
 * and covariance (see {@link PricePanel} for PyPortfolioOpt's estimators) and per-asset weight bounds:
 * <ul>
 *   <li>{@code min_volatility}: least variance, weights summing to 1;</li>
 *   <li>{@code max_sharpe(risk_free_rate)}: the tangency portfolio, weights summing to 1;</li>
 *   <li>{@code efficient_return(target, market_neutral)}: least variance with an expected return of at least
 *       {@code target};</li>
 *   <li>{@code efficient_risk(target, market_neutral)}: highest expected return with a volatility of at most
 *       {@code target};</li>
 * </ul>
 * market-neutral portfolios have weights summing to 0. Every answer lies on the path of
 * {@code min ½ w'Σw - λ μ'w}, {@code λ ≥ 0}, which {@link MeanVarianceProgram} solves exactly for any
 * {@code λ}: targets are met by bisection on {@code λ} (return and volatility both rise along it) and the maximum
 * Sharpe ratio in closed form on the frontier segment that holds it, so results are exact rather than within a
 * solver's tolerance.
 */
public final class PortfolioOptimizer {

    private final double[] mu;
    private final double[][] sigma;
    private final double[] lower;
    private final double[] upper;
    private MeanVarianceProgram fullyInvested;
    private MeanVarianceProgram marketNeutral;
    private MeanVarianceProgram.Solution lastSharpeSolution;
    private final Map<MeanVarianceProgram, Double> tops = new IdentityHashMap<>();

    /** A portfolio: weights and its annual expected return, volatility and Sharpe ratio. */
    public record Allocation(double[] weights, double expectedReturn, double volatility, double sharpeRatio) {
    }

    /**
     * @param expectedReturns annual expected return of each asset
     * @param covariance      annual covariance, positive semidefinite
     * @param lower           each asset's least weight (PyPortfolioOpt's {@code None} is -1)
     * @param upper           each asset's greatest weight (PyPortfolioOpt's {@code None} is 1)
     */
    public PortfolioOptimizer(double[] expectedReturns, double[][] covariance, double[] lower, double[] upper) {
        int n = expectedReturns.length;
        if (covariance.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("assets: returns, covariance and bounds must describe the same assets");
        }
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("covariance: must be a square matrix of " + n + " assets");
            }
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("bounds: a lower bound is above its upper bound");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(covariance[i][j]) || Math.abs(covariance[i][j] - covariance[j][i])
                        > 1e-12 * Math.max(1, Math.abs(covariance[i][j]))) {
                    throw new IllegalArgumentException("covariance: must be a finite symmetric matrix");
                }
            }
        }
        if (!PositiveSemidefinite.isNearlyPositiveSemidefinite(covariance)) {
            throw new IllegalArgumentException("covariance: must be positive semidefinite");
        }
        this.mu = expectedReturns.clone();
        this.sigma = covariance;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** PyPortfolioOpt's defaults on a price panel: CAGR per asset and the annualised sample covariance. */
    public static PortfolioOptimizer fromPrices(double[][] pricesByAsset, int periodsPerYear, double[] lower, double[] upper) {
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        for (int i = 0; i < pricesByAsset.length; i++) {
            columns.put("asset" + i, Arrays.stream(pricesByAsset[i]).boxed().toList());
        }
        PricePanel panel = PricePanel.aligned(columns);
        return new PortfolioOptimizer(panel.meanHistoricalReturn(periodsPerYear),
                panel.sampleCovariance(periodsPerYear), lower, upper);
    }

    public Allocation minVolatility(double riskFreeRate) {
        return allocation(program(false).solve(0).weights(), riskFreeRate);
    }

    public Allocation efficientReturn(double target, double riskFreeRate) {
        return efficientReturn(target, riskFreeRate, false);
    }

    /** The least volatile portfolio expected to return at least {@code target}. */
    public Allocation efficientReturn(double target, double riskFreeRate, boolean neutral) {
        MeanVarianceProgram program = program(neutral);
        double top = lambdaTop(program);
        double best = allocation(program.solve(top).weights(), 0).expectedReturn();
        if (target > best + 1e-12) {
            throw new IllegalArgumentException("targetReturn: above the highest achievable return " + round(best));
        }
        Allocation minimum = allocation(program.solve(0).weights(), riskFreeRate);
        if (minimum.expectedReturn() >= target) {
            return minimum;
        }
        double lambda = bisect(program, top, a -> a.expectedReturn() >= target, true);
        return allocation(program.solve(lambda).weights(), riskFreeRate);
    }

    public Allocation efficientRisk(double target, double riskFreeRate) {
        return efficientRisk(target, riskFreeRate, false);
    }

    /** The highest-returning portfolio whose volatility does not exceed {@code target}. */
    public Allocation efficientRisk(double target, double riskFreeRate, boolean neutral) {
        MeanVarianceProgram program = program(neutral);
        Allocation minimum = allocation(program.solve(0).weights(), riskFreeRate);
        if (target < minimum.volatility() - 1e-12) {
            throw new IllegalArgumentException("targetVolatility: below the lowest achievable volatility "
                    + round(minimum.volatility()));
        }
        double top = lambdaTop(program);
        Allocation riskiest = allocation(program.solve(top).weights(), riskFreeRate);
        if (riskiest.volatility() <= target) {
            return riskiest;
        }
        double lambda = bisect(program, top, a -> a.volatility() > target, false);
        return allocation(program.solve(lambda).weights(), riskFreeRate);
    }

    /** The portfolio of highest Sharpe ratio, weights summing to 1. */
    public Allocation maxSharpe(double riskFreeRate) {
        if (Arrays.stream(mu).max().orElse(Double.NEGATIVE_INFINITY) <= riskFreeRate) {
            throw new IllegalArgumentException("riskFreeRate: at least one asset must be expected to return more "
                    + "than the risk-free rate");
        }
        MeanVarianceProgram program = program(false);
        double top = lambdaTop(program);
        // Sharpe is unimodal along the frontier: a scan in log(λ) brackets the best point, golden section narrows it
        int scan = 80;
        double logLow = Math.log(top * 1e-12);
        double logHigh = Math.log(top);
        double stepSize = (logHigh - logLow) / scan;
        int bestIndex = 0;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= scan; k++) {
            double sharpe = sharpeAt(program, Math.exp(logLow + k * stepSize), riskFreeRate);
            if (sharpe > bestSharpe) {
                bestSharpe = sharpe;
                bestIndex = k;
            }
        }
        double a = logLow + Math.max(0, bestIndex - 1) * stepSize;
        double b = logLow + Math.min(scan, bestIndex + 1) * stepSize;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 80; i++) {
            double c = b - ratio * (b - a);
            double d = a + ratio * (b - a);
            if (sharpeAt(program, Math.exp(c), riskFreeRate) >= sharpeAt(program, Math.exp(d), riskFreeRate)) {
                b = d;
            } else {
                a = c;
            }
        }
        MeanVarianceProgram.Solution near = program.solve(Math.exp((a + b) / 2));
        Allocation best = allocation(near.weights(), riskFreeRate);
        Allocation exact = tangencyOnSegment(program, near, riskFreeRate);
        if (exact != null && exact.sharpeRatio() >= best.sharpeRatio()) {
            best = exact;
        }
        Allocation minimum = minVolatility(riskFreeRate);
        return minimum.sharpeRatio() > best.sharpeRatio() ? minimum : best;
    }

    /** {@code points} fully invested portfolios from minimum volatility to maximum return. */
    public List<Allocation> frontier(int points, double riskFreeRate) {
        MeanVarianceProgram program = program(false);
        double low = allocation(program.solve(0).weights(), 0).expectedReturn();
        double high = allocation(program.solve(lambdaTop(program)).weights(), 0).expectedReturn();
        List<Allocation> frontier = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double target = low + (high - low) * k / Math.max(1, points - 1);
            frontier.add(efficientReturn(Math.min(target, high), riskFreeRate, false));
        }
        return frontier;
    }

    /** Expected return, volatility and Sharpe ratio of given weights, as PyPortfolioOpt's portfolio_performance. */
    public Allocation performance(double[] weights, double riskFreeRate) {
        return allocation(weights, riskFreeRate);
    }

    /**
     * Along one segment of the frontier, {@code w(λ) = A + λB}, so return and variance are a line and a parabola
     * in {@code λ} and the Sharpe ratio's maximum has a closed form; solved again at that {@code λ} to be sure.
     */
    private Allocation tangencyOnSegment(MeanVarianceProgram program, MeanVarianceProgram.Solution near,
                                         double riskFreeRate) {
        double[] base = program.onSegment(near.state(), near.weights(), 0);
        double[] unit = program.onSegment(near.state(), near.weights(), 1);
        double[] slope = new double[base.length];
        for (int i = 0; i < slope.length; i++) {
            slope[i] = unit[i] - base[i];
        }
        double p0 = dot(mu, base) - riskFreeRate;
        double p1 = dot(mu, slope);
        double v0 = quadratic(base, base);
        double v1 = 2 * quadratic(base, slope);
        double v2 = quadratic(slope, slope);
        double lambda = (p0 * v1 / 2 - p1 * v0) / (p1 * v1 / 2 - p0 * v2);
        if (!Double.isFinite(lambda) || lambda < 0) {
            return null;
        }
        return allocation(program.solve(lambda).weights(), riskFreeRate);
    }

    private double sharpeAt(MeanVarianceProgram program, double lambda, double riskFreeRate) {
        lastSharpeSolution = program.solve(lambda, lastSharpeSolution);
        double sharpe = allocation(lastSharpeSolution.weights(), riskFreeRate).sharpeRatio();
        return Double.isNaN(sharpe) ? Double.NEGATIVE_INFINITY : sharpe;
    }

    /** A {@code λ} beyond which the solution no longer changes: the maximum-return portfolio. */
    private double lambdaTop(MeanVarianceProgram program) {
        return tops.computeIfAbsent(program, PortfolioOptimizer::findTop);
    }

    private static double findTop(MeanVarianceProgram program) {
        double lambda = 1e-6;
        double[] previous = program.solve(lambda).weights();
        while (lambda < 1e30) {
            double[] next = program.solve(lambda * 2).weights();
            double change = 0;
            for (int i = 0; i < next.length; i++) {
                change = Math.max(change, Math.abs(next[i] - previous[i]));
            }
            if (change <= 1e-15) {
                return lambda;
            }
            previous = next;
            lambda *= 2;
        }
        throw new IllegalArgumentException("bounds: the highest achievable return is unbounded; give finite bounds");
    }

    private interface Reached {
        boolean at(Allocation allocation);
    }

    /**
     * The {@code λ} where {@code reached} starts to hold; {@code upperSide} answers a {@code λ} where it holds,
     * otherwise the last one where it does not.
     */
    private double bisect(MeanVarianceProgram program, double top, Reached reached, boolean upperSide) {
        double lo = 0;
        double hi = top;
        MeanVarianceProgram.Solution last = null;
        for (int i = 0; i < 400 && hi - lo > 1e-17 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            last = program.solve(mid, last);
            if (reached.at(allocation(last.weights(), 0))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return upperSide ? hi : lo;
    }

    private MeanVarianceProgram program(boolean neutral) {
        if (neutral) {
            if (marketNeutral == null) {
                marketNeutral = new MeanVarianceProgram(sigma, mu, lower, upper, 0);
            }
            return marketNeutral;
        }
        if (fullyInvested == null) {
            fullyInvested = new MeanVarianceProgram(sigma, mu, lower, upper, 1);
        }
        return fullyInvested;
    }

    private Allocation allocation(double[] w, double riskFreeRate) {
        double ret = dot(w, mu);
        double volatility = Math.sqrt(Math.max(quadratic(w, w), 0));
        return new Allocation(w, ret, volatility, volatility > 0 ? (ret - riskFreeRate) / volatility : Double.NaN);
    }

    private double quadratic(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                sum += x[i] * sigma[i][j] * y[j];
            }
        }
        return sum;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
