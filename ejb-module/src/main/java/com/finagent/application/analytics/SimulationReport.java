package com.finagent.application.analytics;

import java.util.List;
import java.util.Map;

/**
 * The fan chart ({@code bands}: for each step in {@code bandSteps}, the value at each of
 * {@code bandPercentiles}) and the distribution of the final value. VaR and expected shortfall are
 * returns over the whole horizon (negative = loss).
 */
public record SimulationReport(List<Integer> bandSteps, List<Double> bandPercentiles, List<List<Double>> bands,
                               double meanFinalValue, Map<String, Double> finalValuePercentiles,
                               double probabilityOfLoss, double valueAtRisk, double expectedShortfall,
                               Map<String, Double> annualDrift, Map<String, Double> annualVolatility,
                               long pathSteps, long seed) {
}
