package com.finagent.application.analytics;

import java.util.Map;

/**
 * The measures of a series or portfolio. VaR and expected shortfall are returns over the horizon
 * (negative = loss); component VaR is each holding's share of the Gaussian portfolio VaR as a positive loss.
 * A measure that is undefined for the data (a Sharpe ratio without variance, a Calmar ratio without a
 * drawdown) is {@code null}, since JSON has no NaN or infinity. For a portfolio, {@code correlation} and
 * {@code covariance} (annualised) of the holdings' returns are given by symbol. {@code skewness} and
 * {@code excessKurtosis} of the period returns are sample-adjusted as Excel's SKEW and KURT and pandas compute them.
 * {@code annualReturnBasis} says how the annual return (and the Calmar ratio) was annualised: {@code periods}
 * ({@code periodsPerYear}) or {@code calendar} (calendar days / 365.25 between the first and last dated price).
 */
public record RiskReport(int observations, Double annualReturn, Double annualVolatility, Double sharpeRatio,
                         Double sortinoRatio, Double downsideRisk, Double maxDrawdown, Double calmarRatio,
                         Double omegaRatio, Double beta, Double alpha, Map<String, Double> valueAtRisk,
                         Map<String, Double> expectedShortfall, Map<String, Double> componentVaR,
                         Map<String, Map<String, Double>> correlation, Map<String, Map<String, Double>> covariance,
                         double confidence, int horizon, String horizonScaling, Double skewness,
                         Double excessKurtosis, String annualReturnBasis) {
}
