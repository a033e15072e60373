package com.finagent.application.analytics;

/**
 * The Ledoit-Wolf shrinkage estimate towards a constant-variance target ({@code mu I}, {@code mu} the mean sample
 * variance), computed as scikit-learn's {@code sklearn.covariance.ledoit_wolf} does, which PyPortfolioOpt's
 * {@code CovarianceShrinkage.ledoit_wolf()} calls: the data are centred, the empirical covariance divides by
 * {@code n} (not {@code n - 1}), and the shrinkage is
 * {@code min(beta, delta) / delta} with {@code beta = (sum((X^2)'X^2) / n - sum((X'X)^2) / n^2) / (p n)} and
 * {@code delta = (sum((X'X)^2) / n^2 - 2 mu trace + p mu^2) / p}
 * (Ledoit and Wolf, "A well-conditioned estimator for large-dimensional covariance matrices", 2004).
 */
public final class LedoitWolf {

    private LedoitWolf() {
    }

    /** The shrunk covariance (per period of the data) and the shrinkage in [0, 1]. */
    public record Estimate(double[][] covariance, double shrinkage) {
    }

    /** @param observations rows of returns, one column per asset, no NaN */
    public static Estimate estimate(double[][] observations) {
        int n = observations.length;
        if (n < 1) {
            throw new IllegalArgumentException("series: Ledoit-Wolf shrinkage needs at least one return");
        }
        int p = observations[0].length;
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : observations) {
                mean += row[j];
            }
            mean /= n;
            for (int t = 0; t < n; t++) {
                x[t][j] = observations[t][j] - mean;
            }
        }
        double[][] empirical = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (double[] row : x) {
                    sum += row[i] * row[j];
                }
                empirical[i][j] = sum / n;
                empirical[j][i] = empirical[i][j];
            }
        }
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += empirical[i][i];
        }
        double mu = trace / p;
        if (p == 1) {
            return new Estimate(empirical, 0);
        }
        // sum over i, j of (X2'X2)_ij is the sum over rows of (row's sum of squares)^2
        double betaSum = 0;
        for (double[] row : x) {
            double squares = 0;
            for (double v : row) {
                squares += v * v;
            }
            betaSum += squares * squares;
        }
        double deltaSum = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double xtx = empirical[i][j] * n;
                deltaSum += xtx * xtx;
            }
        }
        deltaSum /= (double) n * n;
        double beta = (betaSum / n - deltaSum) / ((double) p * n);
        double delta = (deltaSum - 2 * mu * trace + p * mu * mu) / p;
        beta = Math.min(beta, delta);
        double shrinkage = beta == 0 ? 0 : beta / delta;
        double[][] shrunk = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                shrunk[i][j] = (1 - shrinkage) * empirical[i][j] + (i == j ? shrinkage * mu : 0);
            }
        }
        return new Estimate(shrunk, shrinkage);
    }
}
