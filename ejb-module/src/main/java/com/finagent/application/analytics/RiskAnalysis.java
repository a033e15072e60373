package com.finagent.application.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Computes a {@link RiskReport} from a {@link RiskQuery}; plain Java, so it is tested without the server. */
public final class RiskAnalysis {

    /** Draws of the Monte Carlo and bootstrap VaR; with a fixed seed the report is reproducible. */
    static final int MONTE_CARLO_DRAWS = 100_000;
    private static final long SEED = 20_240_101L;

    private RiskAnalysis() {
    }

    /** @throws IllegalArgumentException naming the offending field as {@code "field: problem"} */
    public static RiskReport analyse(RiskQuery query) {
        if (!(query.confidence() > 0 && query.confidence() < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1");
        }
        if (query.horizon() < 1 || query.periodsPerYear() < 1) {
            throw new IllegalArgumentException("horizon: horizon and periodsPerYear must be at least 1");
        }
        boolean portfolio = query.assets() != null && !query.assets().isEmpty();
        int given = (query.prices() != null ? 1 : 0) + (query.returns() != null ? 1 : 0) + (portfolio ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("prices: give exactly one of prices, returns or assets with weights");
        }
        double[] returns;
        PortfolioReturns weighted = null;
        Map<String, Double> components = null;
        Map<String, Map<String, Double>> correlation = null;
        Map<String, Map<String, Double>> covariance = null;
        if (portfolio) {
            weighted = portfolioReturns(query.assets(), query.weights());
            returns = weighted.returns();
            ValueAtRisk.PortfolioVaR var = ValueAtRisk.gaussianPortfolio(weighted.byAsset(), weighted.weights(),
                    query.confidence());
            components = new LinkedHashMap<>();
            double scale = Math.sqrt(query.horizon());
            for (int i = 0; i < weighted.symbols().size(); i++) {
                components.put(weighted.symbols().get(i), var.components()[i] * scale);
            }
            double[][] observations = new double[weighted.returns().length][weighted.symbols().size()];
            for (int i = 0; i < weighted.symbols().size(); i++) {
                for (int t = 0; t < observations.length; t++) {
                    observations[t][i] = weighted.byAsset()[i][t];
                }
            }
            correlation = bySymbol(weighted.symbols(), SampleCovariance.correlationOf(observations).getData(), 1);
            covariance = bySymbol(weighted.symbols(), SampleCovariance.of(observations).getData(),
                    query.periodsPerYear());
        } else if (query.prices() != null) {
            returns = Returns.simple(values("prices", query.prices()));
        } else {
            returns = values("returns", query.returns());
        }
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns: at least two returns (three prices) are needed");
        }
        int periods = query.periodsPerYear();
        double riskFreePerPeriod = Math.pow(1 + query.riskFreeRate(), 1.0 / periods) - 1;
        Double beta = null;
        Double alpha = null;
        if (query.benchmark() != null) {
            double[] benchmark = Returns.simple(values("benchmark", query.benchmark()));
            if (benchmark.length != returns.length) {
                throw new IllegalArgumentException("benchmark: must cover the same periods as the series ("
                        + (returns.length + 1) + " prices)");
            }
            PerformanceMeasures.AlphaBeta ab = PerformanceMeasures.alphaBeta(returns, benchmark, riskFreePerPeriod, periods);
            beta = ab.beta();
            alpha = ab.alpha();
        }
        double scale = Math.sqrt(query.horizon());
        double p = query.confidence();
        Map<String, Double> var = new LinkedHashMap<>();
        var.put("historical", ValueAtRisk.historical(returns, p) * scale);
        var.put("gaussian", ValueAtRisk.gaussian(returns, p) * scale);
        var.put("modified", ValueAtRisk.modified(returns, p) * scale);
        var.put("bootstrap", ValueAtRisk.bootstrap(returns, p, MONTE_CARLO_DRAWS, SEED) * scale);
        if (weighted != null) {
            var.put("monteCarlo", ValueAtRisk.monteCarloPortfolio(weighted.byAsset(), weighted.weights(), p,
                    MONTE_CARLO_DRAWS, SEED) * scale);
        } else {
            var.put("monteCarlo", ValueAtRisk.monteCarloPortfolio(new double[][]{returns}, new double[]{1}, p,
                    MONTE_CARLO_DRAWS, SEED) * scale);
        }
        Map<String, Double> shortfall = new LinkedHashMap<>();
        shortfall.put("historical", ValueAtRisk.historicalExpectedShortfall(returns, p) * scale);
        shortfall.put("gaussian", ValueAtRisk.gaussianExpectedShortfall(returns, p) * scale);
        double annualReturn = PerformanceMeasures.annualReturn(returns, periods);
        double calmar = PerformanceMeasures.calmarRatio(returns, periods);
        if (query.calendarYears()) {
            long days = calendarDays(query, returns.length + 1);
            annualReturn = PerformanceMeasures.calendarAnnualReturn(returns, days);
            double drawdown = PerformanceMeasures.maxDrawdown(returns);
            calmar = drawdown < 0 ? annualReturn / -drawdown : Double.NaN;
        } else if (query.dates() != null) {
            calendarDays(query, returns.length + 1);
        }
        return new RiskReport(returns.length,
                defined(annualReturn),
                defined(PerformanceMeasures.annualVolatility(returns, periods)),
                defined(PerformanceMeasures.sharpeRatio(returns, riskFreePerPeriod, periods)),
                defined(PerformanceMeasures.sortinoRatio(returns, riskFreePerPeriod, periods)),
                defined(PerformanceMeasures.downsideRisk(returns, riskFreePerPeriod, periods)),
                defined(PerformanceMeasures.maxDrawdown(returns)),
                defined(calmar),
                defined(PerformanceMeasures.omegaRatio(returns, riskFreePerPeriod, 0, periods)),
                beta == null ? null : defined(beta), alpha == null ? null : defined(alpha),
                var, shortfall, components, correlation, covariance, p, query.horizon(), "square-root-of-time",
                defined(PerformanceMeasures.skewness(returns)), defined(PerformanceMeasures.excessKurtosis(returns)),
                query.calendarYears() ? "calendar" : "periods");
    }

    /** Calendar days from the first to the last price, after checking the dates fit the prices. */
    private static long calendarDays(RiskQuery query, int prices) {
        List<LocalDate> dates = query.dates();
        if (dates == null) {
            throw new IllegalArgumentException("dates: calendar annualisation needs the date of each price");
        }
        if (query.returns() != null) {
            throw new IllegalArgumentException("dates: give dates with prices or assets, not with returns");
        }
        if (dates.size() != prices) {
            throw new IllegalArgumentException("dates: give one date for each of the " + prices + " prices");
        }
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i) == null || i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("dates[" + i + "]: dates must be given and strictly increasing");
            }
        }
        return ChronoUnit.DAYS.between(dates.get(0), dates.get(dates.size() - 1));
    }

    private static Map<String, Map<String, Double>> bySymbol(List<String> symbols, double[][] matrix, double scale) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < symbols.size(); j++) {
                row.put(symbols.get(j), matrix[i][j] * scale);
            }
            out.put(symbols.get(i), row);
        }
        return out;
    }

    private static Double defined(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private record PortfolioReturns(List<String> symbols, double[][] byAsset, double[] weights, double[] returns) {
    }

    private static PortfolioReturns portfolioReturns(Map<String, List<Double>> assets, Map<String, Double> weights) {
        if (weights == null || !weights.keySet().equals(assets.keySet())) {
            throw new IllegalArgumentException("weights: give one weight for each asset, and none for others");
        }
        List<String> symbols = new ArrayList<>(new TreeSet<>(assets.keySet()));
        double[][] byAsset = new double[symbols.size()][];
        double[] w = new double[symbols.size()];
        double sum = 0;
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            byAsset[i] = Returns.simple(values("assets." + symbol, assets.get(symbol)));
            Double weight = weights.get(symbol);
            if (weight == null || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weights." + symbol + ": must be a number");
            }
            w[i] = weight;
            sum += weight;
            if (byAsset[i].length != byAsset[0].length) {
                throw new IllegalArgumentException("assets." + symbol + ": every asset needs the same number of prices");
            }
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("weights: must add up to 1, add up to " + sum);
        }
        double[] returns = new double[byAsset[0].length];
        for (int t = 0; t < returns.length; t++) {
            for (int i = 0; i < w.length; i++) {
                returns[t] += w[i] * byAsset[i][t];
            }
        }
        return new PortfolioReturns(symbols, byAsset, w, returns);
    }

    private static double[] values(String field, List<Double> list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = list.get(i);
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a finite number");
            }
            values[i] = value;
        }
        return values;
    }
}
