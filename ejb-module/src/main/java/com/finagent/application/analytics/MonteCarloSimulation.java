package com.finagent.application.analytics;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Correlated geometric Brownian motion of a buy-and-hold portfolio. Paths are simulated in fixed blocks,
 * each with its own random stream derived from the seed, so the result is the same whatever the executor
 * and however many threads it has.
 */
public final class MonteCarloSimulation {

    /** Paths per block: the unit of parallel work and of random-stream derivation. */
    static final int BLOCK = 2_048;
    private static final double[] BAND_PERCENTILES = {5, 25, 50, 75, 95};

    private MonteCarloSimulation() {
    }

    /**
     * @param initialValue  portfolio value at the start
     * @param weights       initial allocation, summing to 1
     * @param drifts        annual drift per asset (arithmetic mean return, annualised)
     * @param covariance    annual covariance of the assets' log returns
     * @param paths         number of simulated paths
     * @param steps         number of steps
     * @param stepsPerYear  steps in a year (252 for daily)
     * @param bandPoints    at most this many points of the fan chart (evenly spaced steps, always the last)
     */
    public record Parameters(double initialValue, double[] weights, double[] drifts, RealMatrix covariance,
                             int paths, int steps, int stepsPerYear, int bandPoints, long seed) {
    }

    /** Percentile bands of portfolio value over time and the distribution of its final value. */
    public record Result(int[] bandSteps, double[][] bands, double[] bandPercentiles, double meanFinalValue,
                         double[] finalValuePercentiles, double probabilityOfLoss, double valueAtRisk,
                         double expectedShortfall, long pathSteps) {
    }

    public static Result run(Parameters p, double confidence, Executor executor) {
        int assets = p.weights().length;
        if (p.drifts().length != assets || p.covariance().getRowDimension() != assets) {
            throw new IllegalArgumentException("weights: drifts, covariance and weights must describe the same assets");
        }
        if (p.paths() < 1 || p.steps() < 1 || p.stepsPerYear() < 1) {
            throw new IllegalArgumentException("paths: paths, steps and stepsPerYear must be at least 1");
        }
        double[][] cholesky;
        try {
            cholesky = new CholeskyDecomposition(p.covariance(), 1e-12, 1e-14).getL().getData();
        } catch (NonPositiveDefiniteMatrixException singular) {
            throw new IllegalArgumentException("covariance: the assets' covariance matrix is singular or not positive definite");
        }
        double dt = 1.0 / p.stepsPerYear();
        double sqrtDt = Math.sqrt(dt);
        double[] logDrift = new double[assets];
        for (int i = 0; i < assets; i++) {
            logDrift[i] = (p.drifts()[i] - 0.5 * p.covariance().getEntry(i, i)) * dt;
        }
        int[] bandSteps = bandSteps(p.steps(), p.bandPoints());
        double[][] valuesAtBand = new double[bandSteps.length][p.paths()];

        int blocks = (p.paths() + BLOCK - 1) / BLOCK;
        List<CompletableFuture<Void>> work = new ArrayList<>(blocks);
        for (int block = 0; block < blocks; block++) {
            int first = block * BLOCK;
            int last = Math.min(p.paths(), first + BLOCK);
            long streamSeed = p.seed() * 0x9E3779B97F4A7C15L + block;
            work.add(CompletableFuture.runAsync(() -> simulateBlock(p, cholesky, logDrift, sqrtDt, bandSteps,
                    valuesAtBand, first, last, new SplittableRandom(streamSeed)), executor));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        return summarise(p, confidence, bandSteps, valuesAtBand);
    }

    private static void simulateBlock(Parameters p, double[][] cholesky, double[] logDrift, double sqrtDt,
                                      int[] bandSteps, double[][] valuesAtBand, int first, int last,
                                      SplittableRandom random) {
        int assets = logDrift.length;
        double[] weights = p.weights();
        // Log growth is accumulated and exponentiated only where a band is recorded: one exp per asset and
        // band point instead of one per asset and step.
        double[] logGrowth = new double[assets];
        double[] shocks = new double[assets];
        for (int path = first; path < last; path++) {
            Arrays.fill(logGrowth, 0.0);
            int nextBand = 0;
            for (int step = 1; step <= p.steps(); step++) {
                for (int i = 0; i < assets; i++) {
                    shocks[i] = random.nextGaussian();
                }
                for (int i = 0; i < assets; i++) {
                    double[] row = cholesky[i];
                    double correlated = 0;
                    for (int j = 0; j <= i; j++) {
                        correlated += row[j] * shocks[j];
                    }
                    logGrowth[i] += logDrift[i] + correlated * sqrtDt;
                }
                if (step == bandSteps[nextBand]) {
                    double value = 0;
                    for (int i = 0; i < assets; i++) {
                        value += weights[i] * Math.exp(logGrowth[i]);
                    }
                    valuesAtBand[nextBand][path] = value * p.initialValue();
                    nextBand++;
                }
            }
        }
    }

    private static Result summarise(Parameters p, double confidence, int[] bandSteps, double[][] valuesAtBand) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double[][] bands = new double[bandSteps.length][BAND_PERCENTILES.length];
        for (int b = 0; b < bandSteps.length; b++) {
            percentile.setData(valuesAtBand[b]);
            for (int q = 0; q < BAND_PERCENTILES.length; q++) {
                bands[b][q] = percentile.evaluate(BAND_PERCENTILES[q]);
            }
        }
        double[] finals = valuesAtBand[bandSteps.length - 1];
        double[] finalPercentiles = bands[bandSteps.length - 1].clone();
        double mean = Arrays.stream(finals).average().orElse(Double.NaN);
        double losses = Arrays.stream(finals).filter(v -> v < p.initialValue()).count();
        double[] finalReturns = Arrays.stream(finals).map(v -> v / p.initialValue() - 1).toArray();
        double var = ValueAtRisk.historical(finalReturns, confidence);
        double shortfall = ValueAtRisk.historicalExpectedShortfall(finalReturns, confidence);
        return new Result(bandSteps, bands, BAND_PERCENTILES.clone(), mean, finalPercentiles,
                losses / finals.length, var, shortfall, (long) p.paths() * p.steps());
    }

    static int[] bandSteps(int steps, int bandPoints) {
        int points = Math.max(1, Math.min(steps, bandPoints));
        int[] bandSteps = new int[points];
        for (int k = 0; k < points; k++) {
            bandSteps[k] = (int) Math.round((double) (k + 1) * steps / points);
        }
        return bandSteps;
    }
}
