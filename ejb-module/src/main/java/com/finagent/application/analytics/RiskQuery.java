package com.finagent.application.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to measure: either one series ({@code prices} or {@code returns}) or a portfolio ({@code assets}, a
 * price series per symbol, with {@code weights}); an optional benchmark price series of the same length.
 *
 * @param confidence     VaR confidence in (0, 1), e.g. 0.95
 * @param horizon        VaR horizon in periods; one-period figures scale by the square root of time
 * @param periodsPerYear 252 for daily data, 52 weekly, 12 monthly
 * @param riskFreeRate   annual risk-free rate, e.g. 0.02
 * @param dates          optional: the date of each price (of {@code prices}, or of every series of {@code assets})
 * @param calendarYears  annualise the return by calendar time ({@code days / 365.25}, needs {@code dates}) instead
 *                       of by {@code periodsPerYear}
 */
public record RiskQuery(List<Double> prices, List<Double> returns, Map<String, List<Double>> assets,
                        Map<String, Double> weights, List<Double> benchmark, double confidence, int horizon,
                        int periodsPerYear, double riskFreeRate, List<LocalDate> dates, boolean calendarYears) {

    /** Undated series, annualised by periods. */
    public RiskQuery(List<Double> prices, List<Double> returns, Map<String, List<Double>> assets,
                     Map<String, Double> weights, List<Double> benchmark, double confidence, int horizon,
                     int periodsPerYear, double riskFreeRate) {
        this(prices, returns, assets, weights, benchmark, confidence, horizon, periodsPerYear, riskFreeRate, null, false);
    }
}
