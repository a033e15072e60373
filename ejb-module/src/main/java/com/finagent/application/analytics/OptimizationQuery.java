package com.finagent.application.analytics;

import java.util.List;
import java.util.Map;

/**
 * A panel of prices by symbol and what to optimise: {@code minVolatility}, {@code maxSharpe},
 * {@code efficientRisk} (needs {@code targetVolatility}) or {@code efficientReturn} (needs {@code targetReturn}).
 * {@code bounds} optionally limits a symbol's weight, {@code [low, high]}; the default is {@code [0, 1]}.
 */
public record OptimizationQuery(Map<String, List<Double>> prices, String objective, Double targetVolatility,
                                Double targetReturn, double riskFreeRate, Map<String, List<Double>> bounds,
                                int periodsPerYear, int frontierPoints) {
}
