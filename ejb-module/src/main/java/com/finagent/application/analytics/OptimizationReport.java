package com.finagent.application.analytics;

import java.util.List;
import java.util.Map;

/** The optimal weights, their annual expected return, volatility and Sharpe ratio, and the efficient frontier. */
public record OptimizationReport(String objective, Map<String, Double> weights, double expectedReturn,
                                 double volatility, Double sharpeRatio, Map<String, Double> expectedReturns,
                                 List<FrontierPoint> frontier) {

    /** One point of the efficient frontier. */
    public record FrontierPoint(double expectedReturn, double volatility, Double sharpeRatio) {
    }
}
