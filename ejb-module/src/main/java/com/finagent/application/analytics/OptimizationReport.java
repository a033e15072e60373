package com.finagent.application.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The optimal weights, their annual expected return, volatility and Sharpe ratio (PyPortfolioOpt's
 * {@code portfolio_performance}), the inputs the optimiser used (each asset's expected return; how many daily
 * returns and from which date it had), the efficient frontier, and, when asked, the discrete allocation.
 *
 * @param input           {@code prices}, {@code series}, {@code symbols} or {@code expectedReturns}
 * @param source          where the prices came from, for {@code symbols}
 * @param covarianceModel {@code sample}, {@code ledoitWolf} or {@code given}
 * @param shrinkage       the Ledoit-Wolf shrinkage intensity, for {@code ledoitWolf}
 * @param notes           adjustments made, e.g. bounds widened for a market-neutral portfolio
 */
public record OptimizationReport(String objective, Map<String, Double> weights, double expectedReturn,
                                 double volatility, Double sharpeRatio, boolean marketNeutral,
                                 Map<String, Double> expectedReturns, String input, String source,
                                 String covarianceModel, Double shrinkage, Map<String, Integer> returnsObserved,
                                 Map<String, LocalDate> firstDates, List<FrontierPoint> frontier,
                                 ShareAllocation allocation, List<String> notes) {

    /** One point of the efficient frontier (weights summing to 1). */
    public record FrontierPoint(double expectedReturn, double volatility, Double sharpeRatio) {
    }

    /**
     * Whole shares (negative: sold short) bought at {@code latestPrices} with the cash left over, by
     * PyPortfolioOpt's greedy algorithm ({@code DiscreteAllocation.greedy_portfolio}).
     */
    public record ShareAllocation(String method, double portfolioValue, double shortRatio, Map<String, Long> shares,
                             double leftover, Map<String, Double> latestPrices) {
    }
}
