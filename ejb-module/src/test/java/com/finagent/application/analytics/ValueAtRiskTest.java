package com.finagent.application.analytics;

import jakarta.json.JsonObject;
import org.apache.commons.math3.distribution.NormalDistribution;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Against R PerformanceAnalytics' regression baseline (EDHEC rows 1-100, 6 decimals) and Bacon (2008). */
class ValueAtRiskTest {

    private static final double SIX_DECIMALS = 5e-7;
    private static final JsonObject PERFORMANCE_ANALYTICS = ReferenceData.json("performanceanalytics_expected.json");
    private static final double[][] EDHEC = ReferenceData.csvColumns("performanceanalytics_edhec.csv", 100);

    private static double baseline(String function) {
        for (JsonValue value : PERFORMANCE_ANALYTICS.getJsonObject("var_es_regression_baseline").getJsonArray("values")) {
            JsonObject figure = value.asJsonObject();
            if (figure.getString("fn").equals(function)) {
                return figure.getJsonNumber("expected").doubleValue();
            }
        }
        throw new AssertionError("no baseline for " + function);
    }

    @Test
    void singleSeriesVaRAndExpectedShortfall() {
        double[] convertibleArbitrage = EDHEC[0];
        assertEquals(baseline("VaR(R[,1], method='gaussian', p=0.95)"),
                ValueAtRisk.gaussian(convertibleArbitrage, 0.95), SIX_DECIMALS);
        assertEquals(baseline("VaR(R[,1], method='modified', p=0.95)"),
                ValueAtRisk.modified(convertibleArbitrage, 0.95), SIX_DECIMALS);
        assertEquals(baseline("VaR(R[,1], method='historical', p=0.95)"),
                ValueAtRisk.historical(convertibleArbitrage, 0.95), SIX_DECIMALS);
        assertEquals(baseline("ES(R[,1], method='gaussian', p=0.95)"),
                ValueAtRisk.gaussianExpectedShortfall(convertibleArbitrage, 0.95), SIX_DECIMALS);
        assertEquals(baseline("ES(R[,1], method='historical', p=0.95)"),
                ValueAtRisk.historicalExpectedShortfall(convertibleArbitrage, 0.95), SIX_DECIMALS);
    }

    @Test
    void portfolioComponentVaRSumsToTheTotal() {
        double[][] threeAssets = Arrays.copyOf(EDHEC, 3);
        ValueAtRisk.PortfolioVaR var = ValueAtRisk.gaussianPortfolio(threeAssets, new double[]{0.3, 0.4, 0.3}, 0.95);
        assertEquals(baseline("VaR(R, method='gaussian', portfolio_method='component', weights=c(0.3,0.4,0.3), p=0.95)$VaR"),
                var.total(), SIX_DECIMALS);
        assertEquals(var.total(), Arrays.stream(var.components()).sum(), 1e-12);
    }

    @Test
    void monteCarloVaROnNormalDrawsConvergesToTheGaussianFigure() {
        double[][] threeAssets = Arrays.copyOf(EDHEC, 3);
        double[] weights = {0.3, 0.4, 0.3};
        double gaussian = -ValueAtRisk.gaussianPortfolio(threeAssets, weights, 0.95).total();
        int draws = 400_000;
        double monteCarlo = ValueAtRisk.monteCarloPortfolio(threeAssets, weights, 0.95, draws, 2024);
        // The weighted series' sample standard deviation is the portfolio sigma sqrt(w'Sw) of the Gaussian figure.
        double[] portfolioReturns = new double[threeAssets[0].length];
        for (int t = 0; t < portfolioReturns.length; t++) {
            for (int i = 0; i < weights.length; i++) {
                portfolioReturns[t] += weights[i] * threeAssets[i][t];
            }
        }
        double sigma = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(portfolioReturns);
        NormalDistribution normal = new NormalDistribution();
        // Standard error of a sample 5% quantile: sqrt(p(1-p)/n) / density at the quantile.
        double standardError = Math.sqrt(0.05 * 0.95 / draws) / normal.density(normal.inverseCumulativeProbability(0.05)) * sigma;
        assertEquals(gaussian, monteCarlo, 4 * standardError);
    }

    @Test
    void downsideDeviationMatchesBacon() {
        double[][] bacon = ReferenceData.csvColumns("performanceanalytics_portfolio_bacon.csv", 24);
        double expected = 0;
        for (JsonValue value : PERFORMANCE_ANALYTICS.getJsonObject("bacon_book_values").getJsonArray("values")) {
            if (value.asJsonObject().getString("fn").equals("DownsideDeviation(Ra, MAR=0.005)")) {
                expected = value.asJsonObject().getJsonNumber("expected").doubleValue();
            }
        }
        assertEquals(expected, PerformanceMeasures.downsideRisk(bacon[0], 0.005, 1), 5e-5, "printed to 4 decimals");
    }

    @Test
    void historicalQuantileInterpolatesLikeNumpy() {
        JsonObject cases = ReferenceData.json("empyrical_expected.json").getJsonObject("expected").getJsonObject("value_at_risk (cutoff)");
        assertEquals(cases.getJsonNumber("[1.0, 2.0] @0.3").doubleValue(), ValueAtRisk.historical(new double[]{1, 2}, 0.7), 1e-12);
        assertEquals(cases.getJsonNumber("[1,81,82,83,84,85] @0.1").doubleValue(),
                ValueAtRisk.historical(new double[]{1, 81, 82, 83, 84, 85}, 0.9), 1e-12);
        assertEquals(cases.getJsonNumber("[1,81,82,83,84,85] @0.3").doubleValue(),
                ValueAtRisk.historical(new double[]{1, 81, 82, 83, 84, 85}, 0.7), 1e-12);
    }

    @Test
    void rejectsConfidenceOutsideTheOpenInterval() {
        assertThrows(IllegalArgumentException.class, () -> ValueAtRisk.gaussian(EDHEC[0], 1.0));
        assertThrows(IllegalArgumentException.class, () -> ValueAtRisk.historical(EDHEC[0], 0));
        assertThrows(IllegalArgumentException.class, () -> ValueAtRisk.modified(new double[]{0.01}, 0.95));
    }

    /**
     * A portfolio of one holding (Commons Math's covariance refuses a single column). Worked by hand: returns 1 %, -2 %,
     * 3 %, -1 %, 2 % have mean 0.6 % and sample variance 0.00172 / 4 = 0.00043 (sd 2.07364 %), so the 95 % Gaussian
     * VaR is -0.006 + 1.6448536 x 0.0207364 = 2.81083 %, all of it the one holding's.
     */
    @Test
    void aPortfolioOfOneHoldingHasTheHoldingsVaR() {
        double[][] oneAsset = {{0.01, -0.02, 0.03, -0.01, 0.02}};
        ValueAtRisk.PortfolioVaR var = ValueAtRisk.gaussianPortfolio(oneAsset, new double[]{1}, 0.95);
        assertEquals(0.0281083, var.total(), 1e-6);
        assertEquals(var.total(), var.components()[0], 1e-12);
        double simulated = -ValueAtRisk.monteCarloPortfolio(oneAsset, new double[]{1}, 0.95, 200_000, 7);
        assertEquals(0.0281083, simulated, 1e-3);
    }
}
