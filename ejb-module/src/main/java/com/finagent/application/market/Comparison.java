package com.finagent.application.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Symbols side by side over their common dates: performance rebased to 100, total return, annualised
 * volatility, maximum drawdown, and the correlation of daily returns.
 */
public record Comparison(List<String> symbols, List<LocalDate> dates, Map<String, List<Double>> normalised,
                         Map<String, Double> totalReturn, Map<String, Double> annualVolatility,
                         Map<String, Double> maxDrawdown, double[][] correlation, String source) {
}
