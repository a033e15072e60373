package com.finagent.application.analytics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioOptimizerTest {

    /** Three assets whose unconstrained optima are strictly inside the long-only simplex. */
    private static final double[] MU = {0.08, 0.10, 0.12};
    private static final double[][] SIGMA = {{0.04, 0.006, 0.004}, {0.006, 0.05, 0.01}, {0.004, 0.01, 0.09}};
    private static final double[] LONG_ONLY_LOW = {0, 0, 0};
    private static final double[] LONG_ONLY_HIGH = {1, 1, 1};

    private final PortfolioOptimizer optimizer = new PortfolioOptimizer(MU, SIGMA, LONG_ONLY_LOW, LONG_ONLY_HIGH);

    @Test
    void minimumVarianceMatchesTheClosedForm() {
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(SIGMA)).getSolver().getInverse();
        RealVector ones = new ArrayRealVector(3, 1.0);
        RealVector closedForm = inverse.operate(ones).mapDivide(ones.dotProduct(inverse.operate(ones)));
        assertArrayEquals(closedForm.toArray(), optimizer.minVolatility(0.02).weights(), 1e-7);
    }

    /**
     * The portfolio page marks the user's own portfolio on the frontier by asking for the minimum volatility with
     * every weight held to its current value (within 1e-6) by its bounds. Hand-checked: weights (0.5, 0.3, 0.2) return
     * 0.5 * 0.08 + 0.3 * 0.10 + 0.2 * 0.12 = 0.094, and w'Σw = 0.01 + 0.0045 + 0.0036 + 0.0018 + 0.0008 + 0.0012
     * = 0.0219 (0.25 * 0.04, 0.09 * 0.05, 0.04 * 0.09, 2 * 0.15 * 0.006, 2 * 0.1 * 0.004, 2 * 0.06 * 0.01), a
     * volatility of sqrt(0.0219).
     */
    @Test
    void boundsHoldingEveryWeightGiveThatPortfolio() {
        double[] current = {0.5, 0.3, 0.2};
        double[] low = Arrays.stream(current).map(w -> w - 1e-6).toArray();
        double[] high = Arrays.stream(current).map(w -> w + 1e-6).toArray();
        PortfolioOptimizer.Allocation pinned = new PortfolioOptimizer(MU, SIGMA, low, high).minVolatility(0.02);
        assertArrayEquals(current, pinned.weights(), 1e-5);
        assertEquals(0.094, pinned.expectedReturn(), 1e-5);
        assertEquals(Math.sqrt(0.0219), pinned.volatility(), 1e-5);
    }

    @Test
    void maximumSharpeMatchesTheTangencyPortfolio() {
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(SIGMA)).getSolver().getInverse();
        RealVector excess = new ArrayRealVector(MU).mapSubtract(0.02);
        RealVector tangency = inverse.operate(excess);
        tangency = tangency.mapDivide(Arrays.stream(tangency.toArray()).sum());
        assertArrayEquals(tangency.toArray(), optimizer.maxSharpe(0.02).weights(), 1e-5);
    }

    @Test
    void efficientReturnAndRiskHitTheirTargets() {
        PortfolioOptimizer.Allocation forReturn = optimizer.efficientReturn(0.10, 0.02);
        assertEquals(0.10, forReturn.expectedReturn(), 1e-7);
        PortfolioOptimizer.Allocation forRisk = optimizer.efficientRisk(0.18, 0.02);
        assertEquals(0.18, forRisk.volatility(), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> optimizer.efficientRisk(0.05, 0.02));
        assertThrows(IllegalArgumentException.class, () -> optimizer.efficientReturn(0.2, 0.02));
    }

    @Test
    void realPanelRespectsTheConstraintsAndTheFrontierIsEfficient() throws Exception {
        double[][] prices = lastYearsOfTenTickers();
        double[] low = new double[prices.length];
        double[] high = new double[prices.length];
        Arrays.fill(high, 0.25);
        PortfolioOptimizer bounded = PortfolioOptimizer.fromPrices(prices, 252, low, high);
        PortfolioOptimizer.Allocation minimum = bounded.minVolatility(0.02);
        PortfolioOptimizer.Allocation sharpe = bounded.maxSharpe(0.02);
        for (PortfolioOptimizer.Allocation a : List.of(minimum, sharpe)) {
            assertEquals(1, Arrays.stream(a.weights()).sum(), 1e-9);
            assertTrue(Arrays.stream(a.weights()).allMatch(w -> w >= -1e-12 && w <= 0.25 + 1e-12));
        }
        assertTrue(sharpe.sharpeRatio() >= minimum.sharpeRatio());
        List<PortfolioOptimizer.Allocation> frontier = bounded.frontier(10, 0.02);
        for (PortfolioOptimizer.Allocation point : frontier) {
            assertTrue(point.volatility() >= minimum.volatility() - 1e-9);
            assertTrue(point.sharpeRatio() <= sharpe.sharpeRatio() + 1e-6);
        }
        for (int k = 1; k < frontier.size(); k++) {
            assertTrue(frontier.get(k).expectedReturn() >= frontier.get(k - 1).expectedReturn() - 1e-9);
            assertTrue(frontier.get(k).volatility() >= frontier.get(k - 1).volatility() - 1e-9);
        }
    }

    private static double[][] lastYearsOfTenTickers() throws Exception {
        Path panel = ReferenceData.riskReference().resolveSibling("market")
                .resolve("pypfopt_stock_prices_adjclose_20tickers_1989_2018.csv");
        List<String> lines = Files.readAllLines(panel);
        List<String> window = lines.subList(lines.size() - 756, lines.size());
        int[] columns = {2, 5, 6, 7, 8, 9, 10, 11, 14, 19};
        double[][] prices = new double[columns.length][window.size()];
        for (int t = 0; t < window.size(); t++) {
            String[] cells = window.get(t).split(",", -1);
            for (int a = 0; a < columns.length; a++) {
                prices[a][t] = Double.parseDouble(cells[columns[a]]);
            }
        }
        return prices;
    }
}
