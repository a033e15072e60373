package com.finagent.application.optimization;

import com.finagent.application.analytics.DiscreteAllocation;
import com.finagent.application.analytics.LedoitWolf;
import com.finagent.application.analytics.OptimizationQuery;
import com.finagent.application.analytics.OptimizationReport;
import com.finagent.application.analytics.PortfolioOptimizer;
import com.finagent.application.analytics.PricePanel;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;
import com.finagent.application.workload.WorkBudget;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Portfolio optimisation as an application service: gathers the assets' prices (given, or the market data
 * service's history for symbols), estimates returns and covariance in PyPortfolioOpt's conventions, optimises, and
 * turns input errors into validation problems naming the field.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OptimizationService {

    private static final String MARKET_NEUTRAL_NOTE = "market neutrality requires shorting: bounds widened to [-1, 1] "
            + "(as PyPortfolioOpt does)";

    @EJB
    MarketDataService marketData;

    public OptimizationReport optimise(OptimizationQuery query) {
        try {
            Fetched fetched = fetched(query);
            return run(query, fetched == null ? null : fetched.series(), fetched == null ? null : fetched.source());
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "prices");
        }
    }

    /** The symbols' daily closes and the sources that supplied them. */
    private record Fetched(Map<String, SortedMap<LocalDate, Double>> series, String source) {
    }

    /** The history of {@code symbols} from the market data service, or {@code null} when prices were sent. */
    private Fetched fetched(OptimizationQuery query) {
        if (query.symbols() == null) {
            return null;
        }
        Map<String, SortedMap<LocalDate, Double>> series = new LinkedHashMap<>();
        Set<String> sources = new LinkedHashSet<>();
        for (String symbol : new LinkedHashSet<>(query.symbols())) {
            PriceSeries history;
            try {
                history = marketData.history(symbol, query.from(), query.to(), "1d");
            } catch (FinAgentException unknown) {
                if (unknown.getType() == ErrorType.NOT_FOUND) {
                    throw FinAgentException.invalidField("symbols", symbol + ": no daily history is known");
                }
                throw unknown;
            }
            sources.add(history.source());
            SortedMap<LocalDate, Double> byDate = new TreeMap<>();
            for (DailyBar bar : history.bars()) {
                byDate.put(bar.date(), bar.close());
            }
            series.put(history.symbol(), byDate);
        }
        return new Fetched(series, String.join("; ", sources));
    }

    /** The optimisation itself, without the server: {@code fetchedSeries} stands for the symbols' history. */
    static OptimizationReport run(OptimizationQuery query, Map<String, SortedMap<LocalDate, Double>> fetchedSeries,
                                  String fetchedFrom) {
        int ways = (query.prices() != null ? 1 : 0) + (query.series() != null ? 1 : 0)
                + (query.symbols() != null ? 1 : 0)
                + (query.expectedReturns() != null || query.covariance() != null ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("prices: give exactly one of prices, series, symbols, or expectedReturns "
                    + "with covariance");
        }
        int frequency = query.periodsPerYear();
        String input;
        PricePanel panel = null;
        if (query.prices() != null) {
            input = "prices";
            WorkBudget.checkOptimisation(query.prices().values().stream().filter(Objects::nonNull)
                    .mapToLong(List::size).sum());
            panel = PricePanel.aligned(requireColumns("prices", query.prices()));
        } else if (query.series() != null) {
            input = "series";
            WorkBudget.checkOptimisation(query.series().values().stream().filter(Objects::nonNull)
                    .mapToLong(Map::size).sum());
            panel = PricePanel.dated(requireColumns("series", query.series()));
        } else if (query.symbols() != null) {
            input = "symbols";
            WorkBudget.checkOptimisation(fetchedSeries.values().stream().mapToLong(Map::size).sum());
            fetchedSeries.forEach((symbol, byDate) -> {
                if (byDate.size() < 2) {
                    throw new IllegalArgumentException("symbols: " + symbol + " has fewer than 2 daily prices in this range");
                }
            });
            panel = PricePanel.dated(fetchedSeries);
        } else {
            input = "expectedReturns";
        }
        List<String> symbols;
        double[] mu;
        double[][] sigma;
        String model = query.covarianceModel() == null ? "sample" : query.covarianceModel();
        Double shrinkage = null;
        if (panel != null) {
            symbols = panel.symbols();
            if (symbols.size() < 2) {
                throw new IllegalArgumentException(input + ": give the prices of at least 2 assets");
            }
            mu = panel.meanHistoricalReturn(frequency);
            switch (model) {
                case "sample" -> sigma = panel.sampleCovariance(frequency);
                case "ledoitWolf" -> {
                    LedoitWolf.Estimate estimate = panel.ledoitWolf(frequency);
                    sigma = estimate.covariance();
                    shrinkage = estimate.shrinkage();
                }
                default -> throw new IllegalArgumentException("covarianceModel: must be sample or ledoitWolf");
            }
        } else {
            symbols = new ArrayList<>(requireColumns("expectedReturns", query.expectedReturns()).keySet());
            mu = givenReturns(query.expectedReturns(), symbols);
            sigma = givenCovariance(query.covariance(), symbols);
            model = "given";
        }
        int n = symbols.size();
        List<String> notes = new ArrayList<>();
        double[][] bounds = bounds(query, symbols);
        boolean neutral = query.marketNeutral();
        if (neutral) {
            if (!List.of("efficientRisk", "efficientReturn").contains(query.objective())) {
                throw new IllegalArgumentException("marketNeutral: applies to efficientRisk and efficientReturn only "
                        + "(minVolatility and maxSharpe are fully invested)");
            }
            boolean shorting = Arrays.stream(bounds[0]).anyMatch(low -> low < 0);
            if (!shorting) {
                Arrays.fill(bounds[0], -1);
                Arrays.fill(bounds[1], 1);
                notes.add(MARKET_NEUTRAL_NOTE);
            }
        }
        PortfolioOptimizer optimizer = new PortfolioOptimizer(mu, sigma, bounds[0], bounds[1]);
        double rf = query.riskFreeRate();
        PortfolioOptimizer.Allocation best = switch (query.objective()) {
            case "minVolatility" -> optimizer.minVolatility(rf);
            case "maxSharpe" -> optimizer.maxSharpe(rf);
            case "efficientRisk" -> optimizer.efficientRisk(required("targetVolatility", query.targetVolatility()), rf,
                    neutral);
            case "efficientReturn" -> optimizer.efficientReturn(required("targetReturn", query.targetReturn()), rf,
                    neutral);
            default -> throw new IllegalArgumentException(
                    "objective: must be one of minVolatility, maxSharpe, efficientRisk, efficientReturn");
        };
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            weights.put(symbols.get(i), clean(best.weights()[i]));
            expected.put(symbols.get(i), mu[i]);
        }
        List<OptimizationReport.FrontierPoint> frontier = new ArrayList<>();
        if (query.frontierPoints() > 0) {
            for (PortfolioOptimizer.Allocation point : optimizer.frontier(query.frontierPoints(), rf)) {
                frontier.add(new OptimizationReport.FrontierPoint(point.expectedReturn(), point.volatility(),
                        defined(point.sharpeRatio())));
            }
        }
        Map<String, Integer> observed = null;
        Map<String, LocalDate> firstDates = null;
        if (panel != null) {
            observed = new LinkedHashMap<>();
            int[] counts = panel.returnCounts();
            for (int i = 0; i < n; i++) {
                observed.put(symbols.get(i), counts[i]);
            }
            List<LocalDate> first = panel.firstDates();
            if (first != null) {
                firstDates = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    firstDates.put(symbols.get(i), first.get(i));
                }
            }
        }
        OptimizationReport.ShareAllocation allocation = query.portfolioValue() == null ? null
                : allocation(query, weights, panel, symbols);
        return new OptimizationReport(query.objective(), weights, best.expectedReturn(), best.volatility(),
                defined(best.sharpeRatio()), neutral, expected, input,
                fetchedFrom, model, shrinkage, observed,
                firstDates, frontier, allocation, notes);
    }

    private static OptimizationReport.ShareAllocation allocation(OptimizationQuery query, Map<String, Double> weights,
                                                            PricePanel panel, List<String> symbols) {
        Map<String, Double> latest = new LinkedHashMap<>();
        if (panel != null) {
            double[] prices = panel.latestPrices();
            for (int i = 0; i < symbols.size(); i++) {
                latest.put(symbols.get(i), prices[i]);
            }
        }
        if (query.latestPrices() != null) {
            query.latestPrices().forEach((symbol, price) -> {
                if (!symbols.contains(symbol)) {
                    throw new IllegalArgumentException("latestPrices." + symbol + ": not one of the assets");
                }
                latest.put(symbol, price);
            });
        }
        double shortTotal = weights.values().stream().filter(w -> w < 0).mapToDouble(w -> -w).sum();
        DiscreteAllocation.Result result = DiscreteAllocation.greedy(weights, latest, query.portfolioValue(),
                query.shortRatio());
        return new OptimizationReport.ShareAllocation("greedy (PyPortfolioOpt DiscreteAllocation.greedy_portfolio)",
                query.portfolioValue(), query.shortRatio() != null ? query.shortRatio() : shortTotal,
                result.shares(), result.leftover(), latest);
    }

    /** {@code [lower[], upper[]]}: per symbol, else the common pair, else {@code [0, 1]}; a null end is -1 or 1. */
    private static double[][] bounds(OptimizationQuery query, List<String> symbols) {
        int n = symbols.size();
        double[][] bounds = new double[2][n];
        double[] common = pair("weightBounds", query.weightBounds(), 0, 1);
        for (int i = 0; i < n; i++) {
            List<Double> own = query.bounds() == null ? null : query.bounds().get(symbols.get(i));
            double[] pair = own == null ? common : pair("bounds." + symbols.get(i), own, common[0], common[1]);
            bounds[0][i] = pair[0];
            bounds[1][i] = pair[1];
        }
        if (query.bounds() != null && !symbols.containsAll(query.bounds().keySet())) {
            throw new IllegalArgumentException("bounds: names a symbol that is not one of the assets");
        }
        return bounds;
    }

    private static double[] pair(String field, List<Double> pair, double low, double high) {
        if (pair == null) {
            return new double[]{low, high};
        }
        if (pair.size() != 2) {
            throw new IllegalArgumentException(field + ": must be [low, high]");
        }
        // PyPortfolioOpt reads a missing bound as -1 (low) or 1 (high), not as unbounded
        double lower = pair.get(0) == null ? -1 : pair.get(0);
        double upper = pair.get(1) == null ? 1 : pair.get(1);
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException(field + ": must be finite with low <= high");
        }
        return new double[]{lower, upper};
    }

    private static double[] givenReturns(Map<String, Double> given, List<String> symbols) {
        if (symbols.size() < 2) {
            throw new IllegalArgumentException("expectedReturns: give at least 2 assets");
        }
        double[] mu = new double[symbols.size()];
        for (int i = 0; i < mu.length; i++) {
            Double value = given.get(symbols.get(i));
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("expectedReturns." + symbols.get(i) + ": must be a number");
            }
            mu[i] = value;
        }
        return mu;
    }

    private static double[][] givenCovariance(Map<String, Map<String, Double>> given, List<String> symbols) {
        if (given == null || !given.keySet().equals(new HashSet<>(symbols))) {
            throw new IllegalArgumentException("covariance: give one row for each symbol of expectedReturns");
        }
        int n = symbols.size();
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            Map<String, Double> row = given.get(symbols.get(i));
            for (int j = 0; j < n; j++) {
                Double value = row == null ? null : row.get(symbols.get(j));
                if (value == null || !Double.isFinite(value)) {
                    throw new IllegalArgumentException("covariance." + symbols.get(i) + ": needs a number for "
                            + symbols.get(j));
                }
                sigma[i][j] = value;
            }
        }
        return sigma;
    }

    private static <V> Map<String, V> requireColumns(String field, Map<String, V> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(field + ": give at least 2 assets");
        }
        columns.forEach((symbol, column) -> {
            if (symbol == null || symbol.isBlank() || column == null) {
                throw new IllegalArgumentException(field + ": every asset needs a symbol and its values");
            }
        });
        return columns;
    }

    private static double required(String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": required for this objective");
        }
        return value;
    }

    private static Double defined(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Weights within a hair of zero are zero: rounding residue, not an allocation. */
    private static double clean(double weight) {
        return Math.abs(weight) < 1e-9 ? 0 : weight;
    }
}
