package com.finagent.application.analytics;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.workload.WorkBudget;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Portfolio Monte Carlo, parameters estimated from price history. The simulation's blocks run on an executor of their
 * own that runs one block at a time: the bulkhead lets one heavy request run, and on the default managed executor
 * that one request spread over every core and left none for the light endpoints. Where a machine has cores to
 * spare, raise {@code max-async} of the {@code managed-executor} named {@value #EXECUTOR} in a deployment descriptor.
 */
@ManagedExecutorDefinition(name = MonteCarloService.EXECUTOR, maxAsync = 1)
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonteCarloService {

    static final String EXECUTOR = "java:app/concurrent/simulation";

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    public SimulationReport simulate(SimulationQuery query) {
        try {
            return run(query);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "body");
        }
    }

    private SimulationReport run(SimulationQuery query) {
        if (query.assets() == null || query.assets().isEmpty()) {
            throw new IllegalArgumentException("assets: give the price history of at least one asset");
        }
        if (query.weights() == null || !query.weights().keySet().equals(query.assets().keySet())) {
            throw new IllegalArgumentException("weights: give one weight for each asset, and none for others");
        }
        List<String> symbols = new ArrayList<>(new TreeSet<>(query.assets().keySet()));
        int n = symbols.size();
        WorkBudget.checkSimulation(query.paths(), query.steps(), n, query.bandPoints());
        double[][] logReturns = new double[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            String symbol = symbols.get(i);
            List<Double> prices = query.assets().get(symbol);
            if (prices == null || prices.size() < 3 || prices.stream().anyMatch(v -> v == null || !(v > 0) || v.isInfinite())) {
                throw new IllegalArgumentException("assets." + symbol + ": needs at least 3 positive prices");
            }
            logReturns[i] = Returns.log(prices.stream().mapToDouble(Double::doubleValue).toArray());
            if (logReturns[i].length != logReturns[0].length) {
                throw new IllegalArgumentException("assets." + symbol + ": every asset needs the same number of prices");
            }
            weights[i] = query.weights().get(symbol);
        }
        if (Math.abs(Arrays.stream(weights).sum() - 1) > 1e-6 || Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights: must be non-negative and add up to 1");
        }
        int periods = query.stepsPerYear();
        double[][] observations = new double[logReturns[0].length][n];
        double[] drifts = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = Arrays.stream(logReturns[i]).average().orElseThrow();
            for (int t = 0; t < logReturns[i].length; t++) {
                observations[t][i] = logReturns[i][t];
            }
            drifts[i] = mean;
        }
        RealMatrix covariance = SampleCovariance.of(observations);
        covariance = covariance.scalarMultiply(periods);
        Map<String, Double> annualDrift = new LinkedHashMap<>();
        Map<String, Double> annualVolatility = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            // Arithmetic drift of GBM: the mean log return plus half its variance.
            drifts[i] = drifts[i] * periods + 0.5 * covariance.getEntry(i, i);
            annualDrift.put(symbols.get(i), drifts[i]);
            annualVolatility.put(symbols.get(i), Math.sqrt(covariance.getEntry(i, i)));
        }
        MonteCarloSimulation.Result result = MonteCarloSimulation.run(new MonteCarloSimulation.Parameters(
                query.initialValue(), weights, drifts, covariance, query.paths(), query.steps(), periods,
                query.bandPoints(), query.seed()), query.confidence(), executor);

        List<List<Double>> bands = new ArrayList<>();
        for (double[] band : result.bands()) {
            bands.add(Arrays.stream(band).boxed().toList());
        }
        Map<String, Double> finals = new LinkedHashMap<>();
        for (int q = 0; q < result.bandPercentiles().length; q++) {
            finals.put("p" + (int) result.bandPercentiles()[q], result.finalValuePercentiles()[q]);
        }
        return new SimulationReport(Arrays.stream(result.bandSteps()).boxed().toList(),
                Arrays.stream(result.bandPercentiles()).boxed().toList(), bands, result.meanFinalValue(), finals,
                result.probabilityOfLoss(), result.valueAtRisk(), result.expectedShortfall(), annualDrift,
                annualVolatility, result.pathSteps(), query.seed());
    }
}
