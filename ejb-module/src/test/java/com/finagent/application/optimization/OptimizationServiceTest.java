package com.finagent.application.optimization;

import com.finagent.application.analytics.OptimizationQuery;
import com.finagent.application.analytics.OptimizationReport;
import com.finagent.application.analytics.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's request handling on PyPortfolioOpt's 20-ticker panel and on bad input (published figures named). */
class OptimizationServiceTest {

    private static final Map<String, SortedMap<LocalDate, Double>> PANEL = new LinkedHashMap<>(ReferenceData.pypfoptPanel());

    private static OptimizationQuery series(String objective, Double target, List<Double> weightBounds,
                                            boolean neutral, String model, Double value, Double shortRatio) {
        return new OptimizationQuery(null, PANEL, null, null, null, null, null, objective,
                "efficientRisk".equals(objective) ? target : null, "efficientReturn".equals(objective) ? target : null,
                0.02, weightBounds, null, neutral, model, 252, 5, value, shortRatio, null);
    }

    /**
     * tests/test_efficient_frontier.py::test_max_sharpe_long_only and
     * tests/test_discrete_allocation.py::test_greedy_portfolio_allocation, from the dated series as sent.
     */
    @Test
    void theTwentyTickerPanelIsAcceptedAsItIs() {
        OptimizationReport report = OptimizationService.run(series("maxSharpe", null, null, false, "sample", 10_000.0, 0.3),
                null, null);
        assertEquals(0.3047768672819914, report.expectedReturn(), 1e-7);
        assertEquals(0.22165566922402932, report.volatility(), 1e-7);
        assertEquals(1.2847714127003216, report.sharpeRatio(), 1e-7);
        assertEquals(0.247967, report.expectedReturns().get("GOOG"), 1.5e-6);
        assertEquals(LocalDate.of(2014, 9, 19), report.firstDates().get("BABA"));
        assertEquals(895, report.returnsObserved().get("BABA"), "BABA's returns: its 896 prices less one");
        assertEquals(Map.of("MA", 20L, "FB", 12L, "PFE", 54L, "BABA", 4L, "AAPL", 4L, "BBY", 2L, "SBUX", 1L, "GOOG", 1L),
                report.allocation().shares());
        assertEquals(5, report.frontier().size());
        assertEquals("series", report.input());
    }

    /** tests/test_efficient_frontier.py::test_efficient_return_market_neutral, bounds given as (None, None). */
    @Test
    void marketNeutralWithUnboundedWeights() {
        OptimizationReport report = OptimizationService.run(series("efficientReturn", 0.25,
                Arrays.asList(null, null), true, "sample", null, null), null, null);
        assertEquals(0, report.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertEquals(0.1833060046337015, report.volatility(), 1.5e-7);
        assertTrue(report.notes().isEmpty());

        OptimizationReport widened = OptimizationService.run(series("efficientReturn", 0.25, null, true, "sample",
                null, null), null, null);
        assertEquals(0.1833060046337015, widened.volatility(), 1.5e-7, "long-only bounds widen to [-1, 1]");
        assertEquals(1, widened.notes().size());
    }

    @Test
    void ledoitWolfCovarianceIsReportedWithItsShrinkage() {
        OptimizationReport report = OptimizationService.run(series("minVolatility", null, null, false, "ledoitWolf",
                null, null), null, null);
        assertEquals("ledoitWolf", report.covarianceModel());
        assertNotNull(report.shrinkage());
        assertTrue(report.shrinkage() > 0 && report.shrinkage() < 1);
        assertEquals(1, report.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    /** tests/test_efficient_frontier.py::test_efficient_return_longshort_target, returns and covariance as given. */
    @Test
    void givenReturnsAndCovariance() {
        double[] returns = {-0.15, -0.12, -0.1, -0.05, -0.01, 0.02, 0.03, 0.04, 0.05};
        double[] variances = {0.2, 0.2, 0.4, 0.3, 0.1, 0.5, 0.2, 0.3, 0.1};
        Map<String, Double> mu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> covariance = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            mu.put("A" + i, returns[i]);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < 9; j++) {
                row.put("A" + j, i == j ? variances[i] : 0.0);
            }
            covariance.put("A" + i, row);
        }
        OptimizationReport report = OptimizationService.run(new OptimizationQuery(null, null, null, null, null, mu,
                covariance, "efficientReturn", null, 0.08, 0.02, List.of(-1.0, 1.0), null, true, null, 252, 0, null,
                null, null), null, null);
        assertEquals(0.08, report.expectedReturn(), 1e-6);
        assertEquals(0.16649041068958137, report.volatility(), 1e-6);
        assertEquals(0.3603811159542937, report.sharpeRatio(), 1e-6);
        assertEquals("given", report.covarianceModel());

        covariance.remove("A8");
        assertField("covariance", new OptimizationQuery(null, null, null, null, null, mu, covariance, "minVolatility",
                null, null, 0.02, null, null, false, null, 252, 0, null, null, null));
    }

    @Test
    void badInputNamesTheField() {
        Map<String, List<Double>> uneven = new LinkedHashMap<>();
        uneven.put("A", List.of(1.0, 2.0, 3.0));
        uneven.put("B", List.of(1.0, 2.0));
        assertField("prices.B", OptimizationQuery.ofPrices(uneven, "minVolatility", 0.02, 252, 0));
        assertField("prices", new OptimizationQuery(uneven, PANEL, null, null, null, null, null, "minVolatility",
                null, null, 0.02, null, null, false, null, 252, 0, null, null, null));
        assertField("marketNeutral", series("maxSharpe", null, null, true, "sample", null, null));
        assertField("targetReturn", series("efficientReturn", 9.0, null, false, "sample", null, null));
        assertField("targetVolatility", series("efficientRisk", 0.01, null, false, "sample", null, null));
        assertField("weightBounds", series("minVolatility", null, List.of(0.5, 0.1), false, "sample", null, null));
        assertField("bounds", series("minVolatility", null, List.of(0.0, 0.01), false, "sample", null, null));
        assertField("covarianceModel", series("minVolatility", null, null, false, "oracle", null, null));
        Map<String, List<Double>> withBlank = new LinkedHashMap<>();
        withBlank.put("A", new ArrayList<>(Arrays.asList(null, 2.0, 2.2, 2.1)));
        withBlank.put("B", List.of(1.0, 1.1, 1.05, -1.0));
        assertField("prices.B", OptimizationQuery.ofPrices(withBlank, "minVolatility", 0.02, 252, 0));
    }

    private static void assertField(String field, OptimizationQuery query) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationService.run(query, null, null));
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
