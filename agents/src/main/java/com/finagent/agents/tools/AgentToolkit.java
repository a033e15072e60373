package com.finagent.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Offers {@link AgentTools} to LangChain4j chat models: a {@link ToolSpecification} per tool name of the assistant
 * profiles ({@code assistants.json}) and the brief's aliases, and the executor that turns a model's
 * {@link ToolExecutionRequest} into the matching {@link AgentTools} call.
 */
public final class AgentToolkit {

    /** Days of history behind {@code marketData} and {@code quantAnalysis}: one year, what 1-year return needs. */
    static final int HISTORY_DAYS = 365;
    static final int DEFAULT_SEARCH_LIMIT = 8;
    private static final int MAX_SEARCH_LIMIT = 25;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^=]{0,14}");

    private enum Shape { SYMBOL, NONE, SEARCH, OBJECTIVE, REGION }

    @FunctionalInterface
    private interface Call {
        ToolResult apply(AgentTools tools, Args args);
    }

    private record Binding(String description, Shape shape, Call call) {
    }

    private record Args(String symbol, String query, int limit, String objective, String region) {
    }

    private static final Map<String, Binding> BINDINGS = bindings();

    private final AgentTools tools;

    public AgentToolkit(AgentTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** Every tool name this adapter can offer. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BINDINGS.keySet());
    }

    /** Specifications for the given names in their order; names this adapter does not know are left out. */
    public static List<ToolSpecification> specifications(Collection<String> names) {
        List<ToolSpecification> specs = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            Binding binding = BINDINGS.get(name);
            if (binding != null) {
                specs.add(ToolSpecification.builder()
                        .name(name)
                        .description(binding.description())
                        .parameters(schema(binding.shape()))
                        .build());
            }
        }
        return specs;
    }

    /**
     * Runs one requested call. Never throws: an unknown tool, bad arguments or a failing {@link AgentTools}
     * method become a {@link ToolCall} with an error the model reads.
     *
     * @param resultId citation id given to the result (and, with a suffix, to its items)
     */
    public ToolCall execute(ToolExecutionRequest request, String resultId) {
        String name = request.name();
        Binding binding = BINDINGS.get(name);
        if (binding == null) {
            return new ToolCall(request.id(), name, request.arguments(), null, "unknown tool '" + name + "'");
        }
        Args args;
        try {
            args = parseArgs(binding.shape(), request.arguments());
        } catch (IllegalArgumentException e) {
            return new ToolCall(request.id(), name, request.arguments(), null, e.getMessage());
        }
        try {
            ToolResult result = binding.call().apply(tools, args);
            if (result == null) {
                result = ToolResult.unavailable("no data");
            }
            ToolResult named = result.symbol() == null && args.symbol() != null
                    ? new ToolResult(result.id(), result.tool(), args.symbol(), result.source(), result.asOf(),
                    result.metrics(), result.items(), result.note())
                    : result;
            return new ToolCall(request.id(), name, request.arguments(), named.identified(resultId, name), null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ToolCall(request.id(), name, request.arguments(), null, name + " failed: " + message);
        }
    }

    private static Args parseArgs(Shape shape, String arguments) {
        JsonNode node = Json.parse(arguments == null || arguments.isBlank() ? "{}" : arguments)
                .filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("arguments must be a JSON object"));
        String symbol = text(node, "symbol").map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse(null);
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a ticker symbol: " + symbol);
        }
        if (shape == Shape.SYMBOL && symbol == null) {
            throw new IllegalArgumentException("argument 'symbol' is required");
        }
        String query = text(node, "query").map(String::trim).orElse(null);
        if (shape == Shape.SEARCH && (query == null || query.isEmpty())) {
            throw new IllegalArgumentException("argument 'query' is required");
        }
        int limit = node.path("limit").canConvertToInt() ? node.path("limit").asInt() : DEFAULT_SEARCH_LIMIT;
        limit = Math.max(1, Math.min(MAX_SEARCH_LIMIT, limit));
        String objective = text(node, "objective").orElse("max-sharpe");
        if (!objective.equals("max-sharpe") && !objective.equals("min-volatility")) {
            throw new IllegalArgumentException("objective must be max-sharpe or min-volatility");
        }
        return new Args(symbol, query, limit, objective, text(node, "region").orElse("US"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static JsonObjectSchema schema(Shape shape) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
        switch (shape) {
            case SYMBOL -> builder.addStringProperty("symbol", "Ticker symbol, e.g. AAPL").required("symbol");
            case SEARCH -> builder.addStringProperty("query", "What to search news, filings and posts for")
                    .addStringProperty("symbol", "Ticker the results should concern, optional")
                    .addIntegerProperty("limit", "Maximum number of results, default " + DEFAULT_SEARCH_LIMIT)
                    .required("query");
            case OBJECTIVE -> builder.addEnumProperty("objective", List.of("max-sharpe", "min-volatility"),
                    "Optimisation objective, default max-sharpe");
            case REGION -> builder.addStringProperty("region", "Economy, e.g. US or EU; default US");
            case NONE -> {
            }
        }
        return builder.additionalProperties(false).build();
    }

    private static Map<String, Binding> bindings() {
        Map<String, Binding> map = new LinkedHashMap<>();
        Call market = (t, a) -> ToolResult.merge(t.quote(a.symbol()), t.priceHistory(a.symbol(), HISTORY_DAYS));
        Call quant = (t, a) -> ToolResult.merge(t.priceHistory(a.symbol(), HISTORY_DAYS), t.riskMetrics(a.symbol()));
        Call technical = (t, a) -> t.technicalIndicators(a.symbol());
        Call risk = (t, a) -> t.riskMetrics(a.symbol());
        Call holdings = (t, a) -> t.portfolioHoldings();
        Call portfolioRisk = (t, a) -> t.portfolioRisk();
        Call optimise = (t, a) -> t.optimizePortfolio(a.objective());
        String technicalText = "Technical indicators of a symbol: RSI(14), MACD histogram, 50/200-day moving averages, "
                + "Bollinger %B, ATR(14).";
        String riskText = "Risk metrics of a symbol: annualised volatility, 1-day 95% VaR and expected shortfall, "
                + "maximum drawdown, beta, Sharpe ratio.";
        String portfolioRiskText = "Risk of the user's whole portfolio: volatility, VaR, drawdown, largest weight, "
                + "concentration (HHI) and correlations.";
        String optimiseText = "Weights a portfolio optimiser proposes for the user's holdings.";
        map.put("marketData", new Binding("Quote and one-year price history summary of a symbol: price, day change, "
                + "1m/3m/1y return, 52-week range, 50/200-day moving averages.", Shape.SYMBOL, market));
        map.put("quantAnalysis", new Binding("Quantitative profile of a symbol over one year: returns, moving averages, "
                + "volatility, VaR, drawdown, beta, Sharpe.", Shape.SYMBOL, quant));
        map.put("technicalIndicators", new Binding(technicalText, Shape.SYMBOL, technical));
        map.put("chartAnalysis", new Binding(technicalText, Shape.SYMBOL, technical));
        map.put("technicalAnalysis", new Binding(technicalText, Shape.SYMBOL, technical));
        map.put("riskManagement", new Binding(riskText, Shape.SYMBOL, risk));
        map.put("riskAssessment", new Binding(riskText, Shape.SYMBOL, risk));
        map.put("riskAnalysis", new Binding(riskText, Shape.SYMBOL, risk));
        map.put("hedging", new Binding("Inputs for hedging a position: the symbol's volatility, VaR, beta and drawdown "
                + "with the portfolio's risk.", Shape.SYMBOL,
                (t, a) -> ToolResult.merge(t.riskMetrics(a.symbol()), t.portfolioRisk())));
        map.put("portfolio", new Binding("The user's holdings: weight, market value and profit/loss of each position.",
                Shape.NONE, holdings));
        map.put("portfolioAnalysis", new Binding(portfolioRiskText, Shape.NONE, portfolioRisk));
        map.put("correlationAnalysis", new Binding(portfolioRiskText, Shape.NONE, portfolioRisk));
        map.put("monteCarlo", new Binding(portfolioRiskText, Shape.NONE, portfolioRisk));
        map.put("portfolioOptimization", new Binding(optimiseText, Shape.OBJECTIVE, optimise));
        map.put("assetAllocation", new Binding(optimiseText, Shape.OBJECTIVE, optimise));
        map.put("optimization", new Binding(optimiseText, Shape.OBJECTIVE, optimise));
        map.put("search", new Binding("Search news, filings and social posts; results carry ids to cite and a "
                + "sentiment score in [-1, 1].", Shape.SEARCH, (t, a) -> t.search(a.query(), a.symbol(), a.limit())));
        map.put("economicData", new Binding("Macro data: policy rate and its 3-month change, headline and core "
                + "inflation, GDP growth, unemployment, payrolls, 10-year yield, 10y-2y curve (US figures from FRED, "
                + "each with its series and date), with macro headlines.", Shape.REGION,
                (t, a) -> t.economicIndicators(a.region())));
        map.put("sectorAnalysis", new Binding("Performance of the symbol's sector and the symbol against it, "
                + "with the sector's valuation.", Shape.SYMBOL, (t, a) -> t.sectorAnalysis(a.symbol())));
        return map;
    }
}
