package com.finagent.application.analytics;

import java.util.List;
import java.util.Map;

/**
 * A Monte Carlo request: price histories by symbol (the drifts and covariance are estimated from them),
 * the portfolio's weights and value, and the simulation's size.
 */
public record SimulationQuery(Map<String, List<Double>> assets, Map<String, Double> weights, double initialValue,
                              int paths, int steps, int stepsPerYear, int bandPoints, long seed,
                              double confidence) {
}
