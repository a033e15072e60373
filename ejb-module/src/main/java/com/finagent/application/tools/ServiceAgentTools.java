package com.finagent.application.tools;

import com.finagent.agents.tools.AgentTools;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.optimization.OptimizationService;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.Quote;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import com.finagent.persistence.portfolio.Portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The agents' tools over our own services, for one user: market data, indicators and risk figures computed by
 * the analytics core from the same daily history the charts use, and the user's own portfolio. Every result
 * names its source; nothing here is made up.
 */
public class ServiceAgentTools implements AgentTools {

    private static final int TRADING_DAYS = 252;

    private final UUID userId;
    private final MarketDataService market;
    private final PortfolioService portfolios;
    private final PortfolioValuation valuation;
    private final OptimizationService optimizer;
    private final Function<SearchQuery, ToolResult> search;
    private final Function<String, ToolResult> macro;

    /** What {@link #search} asks of the search service. */
    public record SearchQuery(String query, String symbol, int limit) {
    }

    public ServiceAgentTools(UUID userId, MarketDataService market, PortfolioService portfolios,
                            PortfolioValuation valuation, OptimizationService optimizer,
                            Function<SearchQuery, ToolResult> search, Function<String, ToolResult> macro) {
        this.userId = userId;
        this.market = market;
        this.portfolios = portfolios;
        this.valuation = valuation;
        this.optimizer = optimizer;
        this.search = search;
        this.macro = macro;
    }

    @Override
    public ToolResult quote(String symbol) {
        Quote quote = market.quote(symbol);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("price", quote.price());
        if (quote.changePercent() != null) {
            metrics.put("dayChange", quote.changePercent() / 100);
        }
        return ToolResult.ofMetrics(quote.symbol(), quote.source(), quote.timestamp().toString(), metrics);
    }

    @Override
    public ToolResult priceHistory(String symbol, int days) {
        return PriceFacts.history(market.history(symbol, null, null, "1d"));
    }

    @Override
    public ToolResult technicalIndicators(String symbol) {
        return PriceFacts.indicators(market.history(symbol, null, null, "1d"));
    }

    @Override
    public ToolResult riskMetrics(String symbol) {
        return PriceFacts.risk(market.history(symbol, null, null, "1d"));
    }

    @Override
    public ToolResult portfolioHoldings() {
        List<Portfolio> owned = portfolios.list(userId);
        if (owned.isEmpty()) {
            return ToolResult.unavailable("the user has no portfolio");
        }
        Map<String, BigDecimal> bySymbol = new LinkedHashMap<>();
        Map<String, Double> pnl = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Portfolio portfolio : owned) {
            PortfolioValuation.Summary summary = valuation.summary(userId, portfolio.getId());
            total = total.add(summary.marketValue());
            for (PortfolioValuation.PositionValue position : summary.positions()) {
                bySymbol.merge(position.symbol(), position.marketValue(), BigDecimal::add);
                if (position.unrealizedPnlPercent() != null) {
                    pnl.put(position.symbol(), position.unrealizedPnlPercent() / 100);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("totalValue", total.doubleValue());
        for (var entry : bySymbol.entrySet()) {
            if (total.signum() > 0) {
                metrics.put("weight." + entry.getKey(), entry.getValue().doubleValue() / total.doubleValue());
            }
            if (pnl.containsKey(entry.getKey())) {
                metrics.put("pnlPct." + entry.getKey(), pnl.get(entry.getKey()));
            }
        }
        return ToolResult.ofMetrics(null, "the user's portfolios (" + owned.size() + ")", null, metrics);
    }

    @Override
    public ToolResult portfolioRisk() {
        Portfolio largest = largestPortfolio();
        if (largest == null) {
            return ToolResult.unavailable("the user has no portfolio with positions");
        }
        PortfolioValuation.Risk risk = valuation.risk(userId, largest.getId(), 0.95, 1, 2_000, 21, 42);
        Map<String, Double> metrics = new LinkedHashMap<>();
        putIfPresent(metrics, "volatility", risk.measures().annualVolatility());
        putIfPresent(metrics, "maxDrawdown", risk.measures().maxDrawdown() == null ? null
                : Math.abs(risk.measures().maxDrawdown()));
        Double historical = risk.measures().valueAtRisk().get("historical");
        putIfPresent(metrics, "var95", historical == null ? null : -historical);
        metrics.put("maxWeight", risk.weights().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        metrics.put("hhi", risk.weights().values().stream().mapToDouble(w -> w * w).sum());
        risk.weights().forEach((symbol, weight) -> metrics.put("weight." + symbol, weight));
        return ToolResult.ofMetrics(null, "analytics of portfolio '" + largest.getName() + "' on " + risk.source(),
                risk.to().toString(), metrics);
    }

    @Override
    public ToolResult optimizePortfolio(String objective) {
        Portfolio largest = largestPortfolio();
        if (largest == null) {
            return ToolResult.unavailable("the user has no portfolio with positions");
        }
        List<String> symbols = valuation.summary(userId, largest.getId()).positions().stream()
                .map(PortfolioValuation.PositionValue::symbol).distinct()
                .filter(market::hasHistory).toList();
        if (symbols.size() < 2) {
            return ToolResult.unavailable("optimisation needs at least two holdings with price history");
        }
        MarketDataService.ClosePanel panel = market.closePanel(symbols, null, null);
        String goal = objective != null && objective.toLowerCase(java.util.Locale.ROOT).contains("sharpe") ? "maxSharpe"
                : "minVolatility";
        var report = optimizer.optimise(com.finagent.application.analytics.OptimizationQuery.ofPrices(panel.closes(),
                goal, 0.02, TRADING_DAYS, 0));
        Map<String, Double> metrics = new LinkedHashMap<>();
        report.weights().forEach((symbol, weight) -> metrics.put("weight." + symbol, weight));
        metrics.put("expectedReturn", report.expectedReturn());
        return ToolResult.ofMetrics(null, "analytics optimiser (" + goal + ", PyPortfolioOpt conventions)",
                panel.dates().get(panel.dates().size() - 1).toString(), metrics);
    }

    @Override
    public ToolResult sectorAnalysis(String symbol) {
        PriceSeries series = market.history(symbol, null, null, "1d");
        LocalDate end = PriceFacts.lastDate(series);
        MarketDataService.ClosePanel panel = market.closePanel(List.of(symbol, "SPY"), end.minusDays(100), end);
        if (panel.dates().size() < 64) {
            return ToolResult.unavailable("no benchmark history overlapping " + symbol + "'s");
        }
        double[] own = panel.closes().get(series.symbol()).stream().mapToDouble(Double::doubleValue).toArray();
        double[] spy = panel.closes().get("SPY").stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double ownReturn = own[own.length - 1] / own[own.length - 64] - 1;
        double spyReturn = spy[spy.length - 1] / spy[spy.length - 64] - 1;
        metrics.put("return3m", ownReturn);
        metrics.put("relativeStrength3m", ownReturn - spyReturn);
        return new ToolResult(null, null, series.symbol(), series.source() + " (relative to SPY)", end.toString(),
                metrics, List.of(), "sector constituents are not in the offline data: strength is against SPY");
    }

    private Portfolio largestPortfolio() {
        Portfolio largest = null;
        BigDecimal largestValue = BigDecimal.ZERO;
        for (Portfolio portfolio : portfolios.list(userId)) {
            BigDecimal value = valuation.summary(userId, portfolio.getId()).marketValue();
            if (value.compareTo(largestValue) > 0) {
                largest = portfolio;
                largestValue = value;
            }
        }
        return largest;
    }

    private static void putIfPresent(Map<String, Double> metrics, String name, Double value) {
        if (value != null && Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }

    @Override
    public ToolResult economicIndicators(String region) {
        return macro.apply(region);
    }

    @Override
    public ToolResult search(String query, String symbol, int limit) {
        return search.apply(new SearchQuery(query, symbol, limit));
    }
}
