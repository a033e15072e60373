package com.finagent.application.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloSimulationTest {

    private static final RealMatrix TWO_ASSETS = new Array2DRowRealMatrix(new double[][]{{0.04, 0.012}, {0.012, 0.09}});

    private static MonteCarloSimulation.Parameters parameters(int paths, long seed) {
        return new MonteCarloSimulation.Parameters(1_000_000, new double[]{0.6, 0.4}, new double[]{0.07, 0.10},
                TWO_ASSETS, paths, 252, 252, 12, seed);
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        MonteCarloSimulation.Result oneThread = MonteCarloSimulation.run(parameters(10_000, 42), 0.95, Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            MonteCarloSimulation.Result fourThreads = MonteCarloSimulation.run(parameters(10_000, 42), 0.95, pool);
            assertArrayEquals(oneThread.finalValuePercentiles(), fourThreads.finalValuePercentiles(), 0);
            assertEquals(oneThread.valueAtRisk(), fourThreads.valueAtRisk(), 0);
        } finally {
            pool.shutdown();
        }
        MonteCarloSimulation.Result otherSeed = MonteCarloSimulation.run(parameters(10_000, 43), 0.95, Runnable::run);
        assertTrue(otherSeed.meanFinalValue() != oneThread.meanFinalValue());
    }

    @Test
    void meanFinalValueMatchesTheDriftWithinItsStandardError() {
        MonteCarloSimulation.Result result = MonteCarloSimulation.run(parameters(40_000, 7), 0.95, Runnable::run);
        // E[V_T] = V0 * sum(w_i * exp(mu_i T)) for buy-and-hold GBM.
        double expected = 1_000_000 * (0.6 * Math.exp(0.07) + 0.4 * Math.exp(0.10));
        double sd = result.finalValuePercentiles()[4] - result.finalValuePercentiles()[0];
        double standardError = sd / 3.29 / Math.sqrt(40_000);
        assertEquals(expected, result.meanFinalValue(), 4 * standardError);
        assertEquals(12, result.bandSteps().length);
        assertEquals(252, result.bandSteps()[11]);
        for (double[] band : result.bands()) {
            for (int q = 1; q < band.length; q++) {
                assertTrue(band[q] >= band[q - 1], "bands are ordered");
            }
        }
    }

    @Test
    void singleAssetOneStepVaRConvergesToTheGaussianFigure() {
        // One step of a single asset: the return is exp(normal) - 1; its 5% quantile is known exactly.
        double sigma = 0.2;
        double mu = 0.05;
        RealMatrix variance = new Array2DRowRealMatrix(new double[][]{{sigma * sigma}});
        int paths = 200_000;
        MonteCarloSimulation.Result result = MonteCarloSimulation.run(new MonteCarloSimulation.Parameters(1, new double[]{1},
                new double[]{mu}, variance, paths, 1, 1, 1, 11), 0.95, Runnable::run);
        double z = new NormalDistribution().inverseCumulativeProbability(0.05);
        double logQuantile = (mu - 0.5 * sigma * sigma) + sigma * z;
        double expected = Math.exp(logQuantile) - 1;
        // Standard error of a sample quantile: sqrt(p(1-p)/n) / density at the quantile.
        double density = new NormalDistribution(mu - 0.5 * sigma * sigma, sigma).density(logQuantile) / Math.exp(logQuantile);
        double standardError = Math.sqrt(0.05 * 0.95 / paths) / density;
        assertEquals(expected, result.valueAtRisk(), 4 * standardError);
    }

    @Test
    void rejectsASingularCovariance() {
        RealMatrix singular = new Array2DRowRealMatrix(new double[][]{{0.04, 0.04}, {0.04, 0.04}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonteCarloSimulation.run(
                new MonteCarloSimulation.Parameters(1, new double[]{0.5, 0.5}, new double[]{0, 0}, singular, 10, 10, 252, 5, 1),
                0.95, Runnable::run));
        assertTrue(e.getMessage().startsWith("covariance:"));
    }
}
