package com.finagent.application.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What to optimise. The assets come in exactly one of four ways:
 * <ul>
 *   <li>{@code prices}: undated columns of equal length by symbol, row {@code t} the same day for all,
 *       {@code null} where an asset has no price (before it listed);</li>
 *   <li>{@code series}: dated prices by symbol, each on its own dates (different listing dates welcome);</li>
 *   <li>{@code symbols}: their daily history from the market data service, within {@code from}..{@code to};</li>
 *   <li>{@code expectedReturns} with {@code covariance}: annual figures by symbol, used as given.</li>
 * </ul>
 * The objective is {@code minVolatility}, {@code maxSharpe}, {@code efficientRisk} (needs {@code targetVolatility})
 * or {@code efficientReturn} (needs {@code targetReturn}); {@code marketNeutral} (weights summing to 0) applies to
 * the last two. Weight bounds: {@code weightBounds} for every asset, {@code bounds} per symbol, {@code [low, high]},
 * a {@code null} end meaning -1 or 1 as in PyPortfolioOpt; default {@code [0, 1]}. {@code covarianceModel} is
 * {@code sample} or {@code ledoitWolf}. With {@code portfolioValue} the answer includes whole shares at the latest
 * prices ({@code latestPrices} overrides or, for given returns and covariance, supplies them).
 */
public record OptimizationQuery(Map<String, List<Double>> prices, Map<String, SortedMap<LocalDate, Double>> series,
                                List<String> symbols, LocalDate from, LocalDate to,
                                Map<String, Double> expectedReturns, Map<String, Map<String, Double>> covariance,
                                String objective, Double targetVolatility, Double targetReturn, double riskFreeRate,
                                List<Double> weightBounds, Map<String, List<Double>> bounds, boolean marketNeutral,
                                String covarianceModel, int periodsPerYear, int frontierPoints,
                                Double portfolioValue, Double shortRatio, Map<String, Double> latestPrices) {

    /** Undated price columns with PyPortfolioOpt's defaults otherwise (long-only, sample covariance). */
    public static OptimizationQuery ofPrices(Map<String, List<Double>> prices, String objective, double riskFreeRate,
                                             int periodsPerYear, int frontierPoints) {
        return new OptimizationQuery(prices, null, null, null, null, null, null, objective, null, null, riskFreeRate,
                null, null, false, "sample", periodsPerYear, frontierPoints, null, null, null);
    }
}
