package com.finagent.application.analytics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shrinkage against Ledoit and Wolf's own statement of it ("A well-conditioned estimator for large-dimensional
 * covariance matrices", J. Multivariate Analysis 88, 2004, section 3.3), written per observation with the
 * normalised Frobenius norm {@code ||A||^2 = tr(AA') / p}: {@code m = tr(S) / p}, {@code d^2 = ||S - mI||^2},
 * {@code b^2 = min(d^2, (1/n^2) sum_k ||x_k x_k' - S||^2)}, shrinkage {@code b^2 / d^2}; scikit-learn (and so
 * PyPortfolioOpt) computes the same by sums of matrix products.
 */
class LedoitWolfTest {

    /** Three assets of very different volatility, so that the shrinkage lies strictly between 0 and 1. */
    private static final double[][] RETURNS = {
            {0.010, -0.060, 0.030}, {-0.004, 0.033, 0.070}, {0.022, 0.015, -0.120}, {-0.015, -0.027, 0.040},
            {0.007, 0.054, 0.100}, {0.001, -0.009, -0.060}, {-0.011, 0.042, 0.020}};

    @Test
    void shrinkageAndEstimateFollowThePaper() {
        int n = RETURNS.length;
        int p = 3;
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : RETURNS) {
                mean += row[j] / n;
            }
            for (int t = 0; t < n; t++) {
                x[t][j] = RETURNS[t][j] - mean;
            }
        }
        double[][] s = new double[p][p];
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    s[i][j] += row[i] * row[j] / n;
                }
            }
        }
        double m = (s[0][0] + s[1][1] + s[2][2]) / p;
        double d2 = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double v = s[i][j] - (i == j ? m : 0);
                d2 += v * v / p;
            }
        }
        double bBar2 = 0;
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double v = row[i] * row[j] - s[i][j];
                    bBar2 += v * v / p;
                }
            }
        }
        bBar2 /= (double) n * n;
        double shrinkage = Math.min(bBar2, d2) / d2;

        LedoitWolf.Estimate estimate = LedoitWolf.estimate(RETURNS);
        assertEquals(shrinkage, estimate.shrinkage(), 1e-12);
        assertTrue(estimate.shrinkage() > 0 && estimate.shrinkage() < 1);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double expected = (1 - shrinkage) * s[i][j] + (i == j ? shrinkage * m : 0);
                assertEquals(expected, estimate.covariance()[i][j], 1e-15);
            }
        }
    }

    @Test
    void oneAssetIsNotShrunk() {
        LedoitWolf.Estimate estimate = LedoitWolf.estimate(new double[][]{{0.01}, {0.03}});
        assertEquals(0, estimate.shrinkage());
        assertEquals(0.0001, estimate.covariance()[0][0], 1e-15);
    }
}
