package com.finagent.application.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RectangularCholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.SplittableRandom;

/**
 * Value at risk and expected shortfall of a return series at confidence {@code p} (e.g. 0.95), in
 * PerformanceAnalytics' conventions: figures are returns (negative = loss), the Gaussian and modified
 * (Cornish-Fisher) methods use the population standard deviation and biased moments, and the historical
 * quantile is linear (R type 7, numpy's default).
 */
public final class ValueAtRisk {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ValueAtRisk() {
    }

    public static double historical(double[] returns, double confidence) {
        double[] values = checked(returns, confidence);
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                .evaluate(values, (1 - confidence) * 100);
    }

    public static double historicalExpectedShortfall(double[] returns, double confidence) {
        double threshold = historical(returns, confidence);
        double sum = 0;
        int count = 0;
        for (double r : PerformanceMeasures.finite(returns)) {
            if (r <= threshold) {
                sum += r;
                count++;
            }
        }
        return sum / count;
    }

    public static double gaussian(double[] returns, double confidence) {
        double[] values = checked(returns, confidence);
        return StatUtils.mean(values) + STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence)
                * populationStandardDeviation(values);
    }

    public static double gaussianExpectedShortfall(double[] returns, double confidence) {
        double[] values = checked(returns, confidence);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        return StatUtils.mean(values) - populationStandardDeviation(values) * STANDARD_NORMAL.density(z) / (1 - confidence);
    }

    /** Cornish-Fisher VaR: the Gaussian quantile corrected for the sample's skewness and excess kurtosis. */
    public static double modified(double[] returns, double confidence) {
        double[] values = checked(returns, confidence);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        double skew = biasedSkewness(values);
        double excessKurtosis = biasedExcessKurtosis(values);
        double zCornishFisher = z
                + (z * z - 1) * skew / 6
                + (z * z * z - 3 * z) * excessKurtosis / 24
                - (2 * z * z * z - 5 * z) * skew * skew / 36;
        return StatUtils.mean(values) + zCornishFisher * populationStandardDeviation(values);
    }

    /**
     * Gaussian VaR of a weighted portfolio as a positive loss, {@code -w'mu + z * sqrt(w'Sw)} with the sample
     * covariance, and each holding's contribution (component VaR), which sums to the total.
     */
    public static PortfolioVaR gaussianPortfolio(double[][] returnsByAsset, double[] weights, double confidence) {
        if (returnsByAsset.length != weights.length) {
            throw new IllegalArgumentException("weights: one weight per asset is needed (" + returnsByAsset.length
                    + " assets, " + weights.length + " weights)");
        }
        int periods = returnsByAsset[0].length;
        double[][] observations = new double[periods][weights.length];
        double[] means = new double[weights.length];
        for (int asset = 0; asset < weights.length; asset++) {
            double[] series = checked(returnsByAsset[asset], confidence);
            if (series.length != periods) {
                throw new IllegalArgumentException("returns: every asset needs the same number of periods");
            }
            means[asset] = StatUtils.mean(series);
            for (int t = 0; t < periods; t++) {
                observations[t][asset] = series[t];
            }
        }
        RealMatrix covariance = SampleCovariance.of(observations);
        RealVector w = new ArrayRealVector(weights);
        RealVector sigmaW = covariance.operate(w);
        double sigma = Math.sqrt(w.dotProduct(sigmaW));
        double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        double total = -w.dotProduct(new ArrayRealVector(means)) + z * sigma;
        double[] components = new double[weights.length];
        for (int asset = 0; asset < weights.length; asset++) {
            double marginal = -means[asset] + z * sigmaW.getEntry(asset) / sigma;
            components[asset] = weights[asset] * marginal;
        }
        return new PortfolioVaR(total, components);
    }

    /**
     * Monte Carlo VaR of a weighted portfolio: {@code draws} one-period portfolio returns from a multivariate
     * normal with the assets' sample means and covariance (correlated through its square root), read at
     * the historical quantile. Converges to the Gaussian portfolio VaR as the draws grow.
     */
    public static double monteCarloPortfolio(double[][] returnsByAsset, double[] weights, double confidence,
                                             int draws, long seed) {
        int assets = weights.length;
        double[][] observations = new double[returnsByAsset[0].length][assets];
        double[] means = new double[assets];
        for (int asset = 0; asset < assets; asset++) {
            double[] series = checked(returnsByAsset[asset], confidence);
            means[asset] = StatUtils.mean(series);
            for (int t = 0; t < series.length; t++) {
                observations[t][asset] = series[t];
            }
        }
        RealMatrix covariance = SampleCovariance.of(observations);
        double portfolioVariance = new ArrayRealVector(weights).dotProduct(covariance.operate(new ArrayRealVector(weights)));
        double portfolioMean = new ArrayRealVector(weights).dotProduct(new ArrayRealVector(means));
        if (!(portfolioVariance > 1e-18)) {
            return portfolioMean;
        }
        // A semi-definite root copes with collinear holdings, where a plain Cholesky factor does not exist.
        double[][] root = new RectangularCholeskyDecomposition(covariance, 1e-12).getRootMatrix().getData();
        int factors = root[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] shocks = new double[factors];
        double[] simulated = new double[draws];
        for (int d = 0; d < draws; d++) {
            for (int k = 0; k < factors; k++) {
                shocks[k] = random.nextGaussian();
            }
            double portfolio = 0;
            for (int i = 0; i < assets; i++) {
                double asset = means[i];
                for (int k = 0; k < factors; k++) {
                    asset += root[i][k] * shocks[k];
                }
                portfolio += weights[i] * asset;
            }
            simulated[d] = portfolio;
        }
        return historical(simulated, confidence);
    }

    /**
     * Bootstrapped historical VaR: {@code draws} returns resampled with replacement from the observed ones,
     * read at the historical quantile; reproducible by seed.
     */
    public static double bootstrap(double[] returns, double confidence, int draws, long seed) {
        double[] values = checked(returns, confidence);
        SplittableRandom random = new SplittableRandom(seed);
        double[] resampled = new double[draws];
        for (int d = 0; d < draws; d++) {
            resampled[d] = values[random.nextInt(values.length)];
        }
        return historical(resampled, confidence);
    }

    /** A portfolio's VaR as a positive loss and the part of it each holding contributes. */
    public record PortfolioVaR(double total, double[] components) {
    }

    private static double[] checked(double[] returns, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1, was " + confidence);
        }
        double[] values = PerformanceMeasures.finite(returns);
        if (values.length < 2) {
            throw new IllegalArgumentException("returns: at least two observations are needed");
        }
        for (double v : values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("returns: must be finite numbers");
            }
        }
        return values;
    }

    private static double populationStandardDeviation(double[] values) {
        return Math.sqrt(StatUtils.populationVariance(values));
    }

    private static double biasedSkewness(double[] values) {
        double n = values.length;
        double unbiased = new Skewness().evaluate(values);
        return unbiased * (n - 2) / Math.sqrt(n * (n - 1));
    }

    private static double biasedExcessKurtosis(double[] values) {
        double mean = StatUtils.mean(values);
        double variance = StatUtils.populationVariance(values);
        double fourth = 0;
        for (double v : values) {
            double d = v - mean;
            fourth += d * d * d * d;
        }
        return fourth / values.length / (variance * variance) - 3;
    }
}
