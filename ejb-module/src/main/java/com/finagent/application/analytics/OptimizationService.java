package com.finagent.application.analytics;

import com.finagent.application.error.FinAgentException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Portfolio optimisation as an application service; input errors become validation problems. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OptimizationService {

    public OptimizationReport optimise(OptimizationQuery query) {
        try {
            return run(query);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "prices");
        }
    }

    private static OptimizationReport run(OptimizationQuery query) {
        if (query.prices() == null || query.prices().size() < 2) {
            throw new IllegalArgumentException("prices: give the price history of at least 2 assets");
        }
        List<String> symbols = new ArrayList<>(new TreeSet<>(query.prices().keySet()));
        int n = symbols.size();
        double[][] prices = new double[n][];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            String symbol = symbols.get(i);
            List<Double> series = query.prices().get(symbol);
            if (series == null || series.size() < 3 || series.stream().anyMatch(v -> v == null || !(v > 0) || v.isInfinite())) {
                throw new IllegalArgumentException("prices." + symbol + ": needs at least 3 positive prices");
            }
            prices[i] = series.stream().mapToDouble(Double::doubleValue).toArray();
            List<Double> bound = query.bounds() == null ? null : query.bounds().get(symbol);
            if (bound != null && (bound.size() != 2 || bound.stream().anyMatch(v -> v == null || !Double.isFinite(v)))) {
                throw new IllegalArgumentException("bounds." + symbol + ": must be [low, high]");
            }
            low[i] = bound == null ? 0 : bound.get(0);
            high[i] = bound == null ? 1 : bound.get(1);
        }
        if (query.bounds() != null && !symbols.containsAll(query.bounds().keySet())) {
            throw new IllegalArgumentException("bounds: names a symbol that has no prices");
        }
        PortfolioOptimizer optimizer = PortfolioOptimizer.fromPrices(prices, query.periodsPerYear(), low, high);
        double rf = query.riskFreeRate();
        PortfolioOptimizer.Allocation best = switch (query.objective()) {
            case "minVolatility" -> optimizer.minVolatility(rf);
            case "maxSharpe" -> optimizer.maxSharpe(rf);
            case "efficientRisk" -> optimizer.efficientRisk(required("targetVolatility", query.targetVolatility()), rf);
            case "efficientReturn" -> optimizer.efficientReturn(required("targetReturn", query.targetReturn()), rf);
            default -> throw new IllegalArgumentException(
                    "objective: must be one of minVolatility, maxSharpe, efficientRisk, efficientReturn");
        };
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            weights.put(symbols.get(i), clean(best.weights()[i]));
        }
        List<OptimizationReport.FrontierPoint> frontier = new ArrayList<>();
        for (PortfolioOptimizer.Allocation point : optimizer.frontier(query.frontierPoints(), rf)) {
            frontier.add(new OptimizationReport.FrontierPoint(point.expectedReturn(), point.volatility(),
                    Double.isFinite(point.sharpeRatio()) ? point.sharpeRatio() : null));
        }
        for (int i = 0; i < n; i++) {
            double[] p = prices[i];
            expected.put(symbols.get(i), Math.pow(p[p.length - 1] / p[0], (double) query.periodsPerYear() / (p.length - 1)) - 1);
        }
        return new OptimizationReport(query.objective(), weights, best.expectedReturn(), best.volatility(),
                Double.isFinite(best.sharpeRatio()) ? best.sharpeRatio() : null, expected, frontier);
    }

    private static double required(String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": required for this objective");
        }
        return value;
    }

    /** Weights within a hair of zero are zero: the solver's residue, not an allocation. */
    private static double clean(double weight) {
        return Math.abs(weight) < 1e-9 ? 0 : weight;
    }
}
