package com.finagent.application.analytics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our estimators and optimiser against the figures PyPortfolioOpt publishes in its own tests
 * (robertmartin8/PyPortfolioOpt at commit 65cabce, files under {@code tests/}), on the very panel those tests read:
 * {@code tests/resources/stock_prices.csv}, which is {@code shared/data/market/pypfopt_stock_prices_adjclose_20tickers_1989_2018.csv}
 * byte for byte (20 tickers listed on different dates, blank before their first trade). The panel goes in as 20 dated
 * series, each only on its own dates, as a user would send them.
 */
class PyPortfolioOptPanelTest {

    private static PricePanel panel;
    private static double[] mu;
    private static double[][] sigma;

    @BeforeAll
    static void readPanel() {
        panel = PricePanel.dated(ReferenceData.pypfoptPanel());
        mu = panel.meanHistoricalReturn(252);
        sigma = panel.sampleCovariance(252);
    }

    private static double[] bounds(double value) {
        double[] bounds = new double[20];
        Arrays.fill(bounds, value);
        return bounds;
    }

    private static PortfolioOptimizer optimizer(double low, double high) {
        return new PortfolioOptimizer(mu, sigma, bounds(low), bounds(high));
    }

    private static void assertPerformance(double[] published, PortfolioOptimizer.Allocation actual, double tolerance) {
        assertArrayEquals(published, new double[]{actual.expectedReturn(), actual.volatility(), actual.sharpeRatio()},
                tolerance, "(return, volatility, Sharpe) against PyPortfolioOpt's published figures");
    }

    @Test
    void theTwentyTickersAreTheColumnsInTheirOrderAndListedOnDifferentDates() {
        assertEquals(List.of("GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM", "T", "UAA", "SHLD",
                "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"), panel.symbols());
        assertEquals(LocalDate.of(2014, 9, 19), panel.firstDates().get(3), "BABA listed last");
        assertEquals(7126, panel.dates().size());
    }

    /** tests/test_expected_returns.py::test_mean_historical_returns (assert_array_almost_equal, 6 decimals). */
    @Test
    void expectedReturnsAreEachAssetsOwnCagr() {
        double[] published = {0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093, 0.0328503, 0.1200115,
                0.105540, 0.0423457, 0.1002559, 0.1442237, -0.0792602, 0.1430506, 0.0736356, 0.238835, 0.388665,
                0.226717, 0.1561701, 0.2318153};
        assertArrayEquals(published, mu, 1.5e-6);
    }

    /** tests/test_risk_models.py::test_sample_cov_real_data: the annualised sample covariance is positive semidefinite. */
    @Test
    void sampleCovarianceIsPairwiseAndPositiveSemidefinite() {
        assertTrue(PositiveSemidefinite.isPositiveSemidefinite(sigma));
        double[][] returns = panel.returns();
        // BABA (column 3) and GOOG (0) share only BABA's returns: their covariance is over those rows alone
        assertEquals(7125, returns.length, "only the first row, without any return, is dropped");
    }

    /** tests/test_risk_models.py::test_ledoit_wolf_default: 0 < delta < 1 and a positive semidefinite estimate. */
    @Test
    void ledoitWolfShrinksThePanelsCovariance() {
        LedoitWolf.Estimate estimate = panel.ledoitWolf(252);
        assertTrue(estimate.shrinkage() > 0 && estimate.shrinkage() < 1, "shrinkage " + estimate.shrinkage());
        assertEquals(20, estimate.covariance().length);
        assertTrue(PositiveSemidefinite.isPositiveSemidefinite(estimate.covariance()));
    }

    /** tests/test_risk_models.py::test_sample_cov_dummy (pandas assert_frame_equal: rtol 1e-5), per period. */
    @Test
    void sampleCovarianceOfPublishedSmallFrame() {
        double[][] published = {
                {0.006661687937656102, 0.00264970955585574, 0.0020849735375206195},
                {0.00264970955585574, 0.0023450491307634215, 0.00096770864287974},
                {0.0020849735375206195, 0.00096770864287974, 0.0016396416271856837}};
        double[][] daily = PricePanel.aligned(smallFrame()).sampleCovariance(1);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(published[i], daily[i], 1e-15);
        }
    }

    /** tests/test_expected_returns.py::test_mean_historical_returns_dummy, frequency=1 (rtol 1e-3), first 3 columns. */
    @Test
    void meanHistoricalReturnOfPublishedSmallFrame() {
        double[] published = {0.0061922, 0.0241137, 0.0122722};
        double[] actual = PricePanel.aligned(smallFrame()).meanHistoricalReturn(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(published[i], actual[i], 1e-3 * Math.abs(published[i]));
        }
    }

    private static Map<String, List<Double>> smallFrame() {
        Map<String, List<Double>> frame = new LinkedHashMap<>();
        frame.put("0", List.of(4.0, 4.2, 3.9, 4.3, 4.1));
        frame.put("1", List.of(2.0, 2.1, 2.0, 2.1, 2.2));
        frame.put("2", List.of(0.6, 0.59, 0.58, 0.62, 0.63));
        return frame;
    }

    /** tests/test_efficient_frontier.py::test_min_volatility (assert_allclose, rtol 1e-7). */
    @Test
    void minVolatilityLongOnly() {
        assertPerformance(new double[]{0.15056821399482578, 0.15915084514118694, 0.8204054077060996},
                optimizer(0, 1).minVolatility(0.02), 1e-7);
    }

    /** tests/test_efficient_frontier.py::test_min_volatility_short, weight_bounds=(None, None), which means (-1, 1). */
    @Test
    void minVolatilityWithShorts() {
        assertPerformance(new double[]{0.1516319319875544, 0.1555915367269669, 0.8460095886741129},
                optimizer(-1, 1).minVolatility(0.02), 1e-7);
    }

    /** tests/test_efficient_frontier.py::test_max_sharpe_long_only. */
    @Test
    void maxSharpeLongOnly() {
        assertPerformance(new double[]{0.3047768672819914, 0.22165566922402932, 1.2847714127003216},
                optimizer(0, 1).maxSharpe(0.02), 1e-7);
    }

    /** tests/test_efficient_frontier.py::test_max_sharpe_short, weight_bounds=(None, None). */
    @Test
    void maxSharpeWithShorts() {
        assertPerformance(new double[]{0.4937195216716211, 0.29516576454651955, 1.6049270564945908},
                optimizer(-1, 1).maxSharpe(0.02), 1e-7);
    }

    /** tests/test_efficient_frontier.py::test_efficient_risk (atol 1e-6). */
    @Test
    void efficientRiskLongOnly() {
        assertPerformance(new double[]{0.2552422849133517, 0.19, 1.2381172871434818},
                optimizer(0, 1).efficientRisk(0.19, 0.02), 1e-6);
    }

    /** tests/test_efficient_frontier.py::test_efficient_risk_short, weight_bounds=(-1, 1) (atol 1e-6). */
    @Test
    void efficientRiskWithShorts() {
        assertPerformance(new double[]{0.30035471606347336, 0.19, 1.4755511348079207},
                optimizer(-1, 1).efficientRisk(0.19, 0.02), 1e-6);
    }

    /** tests/test_efficient_frontier.py::test_efficient_risk_market_neutral (atol 1e-6). */
    @Test
    void efficientRiskMarketNeutral() {
        PortfolioOptimizer.Allocation neutral = optimizer(-1, 1).efficientRisk(0.21, 0.02, true);
        assertEquals(0, Arrays.stream(neutral.weights()).sum(), 1e-12);
        assertPerformance(new double[]{0.28640632960825885, 0.21, 1.2686015698590967}, neutral, 1e-6);
    }

    /** tests/test_efficient_frontier.py::test_efficient_return (atol 1e-6). */
    @Test
    void efficientReturnLongOnly() {
        assertPerformance(new double[]{0.25, 0.18723269942026335, 1.2284179030274036},
                optimizer(0, 1).efficientReturn(0.25, 0.02), 1e-6);
    }

    /** tests/test_efficient_frontier.py::test_efficient_return_market_neutral (assert_almost_equal, 7 decimals). */
    @Test
    void efficientReturnMarketNeutral() {
        PortfolioOptimizer.Allocation neutral = optimizer(-1, 1).efficientReturn(0.25, 0.02, true);
        assertEquals(0, Arrays.stream(neutral.weights()).sum(), 1e-12);
        assertPerformance(new double[]{0.25, 0.1833060046337015, 1.2547324920403273}, neutral, 1.5e-7);
    }

    /** tests/test_efficient_frontier.py::test_efficient_return_longshort_target: given returns and covariance. */
    @Test
    void efficientReturnMarketNeutralFromGivenReturnsAndCovariance() {
        double[] given = {-0.15, -0.12, -0.1, -0.05, -0.01, 0.02, 0.03, 0.04, 0.05};
        double[] variances = {0.2, 0.2, 0.4, 0.3, 0.1, 0.5, 0.2, 0.3, 0.1};
        double[][] covariance = new double[9][9];
        for (int i = 0; i < 9; i++) {
            covariance[i][i] = variances[i];
        }
        double[] low = new double[9];
        double[] high = new double[9];
        Arrays.fill(low, -1);
        Arrays.fill(high, 1);
        PortfolioOptimizer.Allocation neutral = new PortfolioOptimizer(given, covariance, low, high)
                .efficientReturn(0.08, 0.02, true);
        assertPerformance(new double[]{0.08, 0.16649041068958137, 0.3603811159542937}, neutral, 1e-6);
    }

    private static Map<String, Double> bySymbol(double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(panel.symbols().get(i), values[i]);
        }
        return map;
    }

    /** tests/test_discrete_allocation.py::test_greedy_portfolio_allocation: max Sharpe weights, 10 000, short_ratio 0.3. */
    @Test
    void greedyAllocationOfTheLongOnlyTangencyPortfolio() {
        double[] weights = optimizer(0, 1).maxSharpe(0.02).weights();
        Map<String, Double> latest = bySymbol(panel.latestPrices());
        DiscreteAllocation.Result result = DiscreteAllocation.greedy(bySymbol(clean(weights)), latest, 10_000, 0.3);
        assertEquals(Map.of("MA", 20L, "FB", 12L, "PFE", 54L, "BABA", 4L, "AAPL", 4L, "BBY", 2L, "SBUX", 1L, "GOOG", 1L),
                result.shares());
        double spent = result.shares().entrySet().stream().mapToDouble(e -> e.getValue() * latest.get(e.getKey())).sum();
        assertEquals(10_000, spent + result.leftover(), 1e-4);
    }

    /** tests/test_discrete_allocation.py::test_greedy_portfolio_allocation_short: weight_bounds (-1, 1), short_ratio 0.3. */
    @Test
    void greedyAllocationWithShorts() {
        double[] weights = optimizer(-1, 1).maxSharpe(0.02).weights();
        Map<String, Double> latest = bySymbol(panel.latestPrices());
        DiscreteAllocation.Result result = DiscreteAllocation.greedy(bySymbol(clean(weights)), latest, 10_000, 0.3);
        Map<String, Long> published = Map.ofEntries(Map.entry("MA", 19L), Map.entry("PFE", 42L), Map.entry("FB", 7L),
                Map.entry("GOOG", 1L), Map.entry("BABA", 5L), Map.entry("AAPL", 4L), Map.entry("SBUX", 8L),
                Map.entry("BBY", 6L), Map.entry("XOM", 4L), Map.entry("WMT", 3L), Map.entry("BAC", -32L),
                Map.entry("AMD", -48L), Map.entry("SHLD", -132L), Map.entry("GM", -9L), Map.entry("RRC", -19L),
                Map.entry("GE", -14L), Map.entry("T", -5L), Map.entry("UAA", -8L));
        assertEquals(published, result.shares());
        double gross = result.shares().entrySet().stream()
                .mapToDouble(e -> Math.abs(e.getValue()) * latest.get(e.getKey())).sum();
        assertEquals(13_000, gross + result.leftover(), 1e-4);
    }

    /** tests/test_discrete_allocation.py::test_greedy_portfolio_allocation_short_different_params: 50 000, short_ratio 0.5. */
    @Test
    void greedyAllocationWithShortsAndALargerValue() {
        double[] weights = optimizer(-1, 1).maxSharpe(0.02).weights();
        DiscreteAllocation.Result result = DiscreteAllocation.greedy(bySymbol(clean(weights)),
                bySymbol(panel.latestPrices()), 50_000, 0.5);
        Map<String, Long> published = Map.ofEntries(Map.entry("MA", 96L), Map.entry("PFE", 211L), Map.entry("FB", 34L),
                Map.entry("GOOG", 4L), Map.entry("BABA", 22L), Map.entry("AAPL", 17L), Map.entry("SBUX", 38L),
                Map.entry("AMZN", 2L), Map.entry("BBY", 27L), Map.entry("XOM", 19L), Map.entry("WMT", 10L),
                Map.entry("BAC", -269L), Map.entry("AMD", -399L), Map.entry("SHLD", -1099L), Map.entry("GM", -78L),
                Map.entry("RRC", -154L), Map.entry("GE", -119L), Map.entry("T", -41L), Map.entry("UAA", -64L));
        assertEquals(published, result.shares());
    }

    /** The service's rounding of solver residue: weights within 1e-9 of zero are zero. */
    private static double[] clean(double[] weights) {
        return Arrays.stream(weights).map(w -> Math.abs(w) < 1e-9 ? 0 : w).toArray();
    }
}
