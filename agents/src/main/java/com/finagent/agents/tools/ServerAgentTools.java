package com.finagent.agents.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutionResult;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tools agents call, as LangChain4j {@link Tool} methods over the user's {@link AgentTools}: each method's
 * {@link Tool} text and {@link P} parameters are what the model sees. The tool names are those of the assistant
 * profiles ({@code assistants.json}) and the brief's aliases, so several names share one capability.
 * <p>
 * A call never fails the conversation: an unknown tool, bad arguments or a failing {@link AgentTools} method become a
 * {@link ToolCall} with an error the model reads. One instance serves one conversation turn or one debate.
 */
public final class ServerAgentTools {

    /** Days of history behind {@code marketData} and {@code quantAnalysis}: one year, what 1-year return needs. */
    static final int HISTORY_DAYS = 365;
    static final int DEFAULT_SEARCH_LIMIT = 8;
    private static final int MAX_SEARCH_LIMIT = 25;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^=]{0,14}");

    private static final String SYMBOL_TEXT = "Ticker symbol, e.g. AAPL";
    private static final String TECHNICAL = "Technical indicators of a symbol: RSI(14), MACD histogram, 50/200-day "
            + "moving averages, Bollinger %B, ATR(14).";
    private static final String RISK = "Risk metrics of a symbol: annualised volatility, 1-day 95% VaR and expected "
            + "shortfall, maximum drawdown, beta, Sharpe ratio.";
    private static final String PORTFOLIO_RISK = "Risk of the user's whole portfolio: volatility, VaR, drawdown, "
            + "largest weight, concentration (HHI) and correlations.";
    private static final String OPTIMISE = "Weights a portfolio optimiser proposes for the user's holdings.";
    private static final String OBJECTIVE = "Optimisation objective, max-sharpe or min-volatility; default max-sharpe";

    /** The {@link Tool} methods by tool name. */
    private static final Map<String, Method> METHODS = toolMethods();
    /** What the model sees of each tool, by tool name. */
    private static final Map<String, ToolSpecification> SPECIFICATIONS = toolSpecifications();

    private final AgentTools tools;

    public ServerAgentTools(AgentTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    @Tool(name = "marketData", value = "Quote and one-year price history summary of a symbol: price, day change, "
            + "1m/3m/1y return, 52-week range, 50/200-day moving averages.")
    public ToolResult marketData(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, ToolResult.merge(tools.quote(ticker), tools.priceHistory(ticker, HISTORY_DAYS)));
    }

    @Tool(name = "quantAnalysis", value = "Quantitative profile of a symbol over one year: returns, moving averages, "
            + "volatility, VaR, drawdown, beta, Sharpe.")
    public ToolResult quantAnalysis(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, ToolResult.merge(tools.priceHistory(ticker, HISTORY_DAYS), tools.riskMetrics(ticker)));
    }

    @Tool(name = "technicalIndicators", value = TECHNICAL)
    public ToolResult technicalIndicators(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, tools.technicalIndicators(ticker));
    }

    @Tool(name = "chartAnalysis", value = TECHNICAL)
    public ToolResult chartAnalysis(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        return technicalIndicators(symbol);
    }

    @Tool(name = "technicalAnalysis", value = TECHNICAL)
    public ToolResult technicalAnalysis(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        return technicalIndicators(symbol);
    }

    @Tool(name = "riskManagement", value = RISK)
    public ToolResult riskManagement(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, tools.riskMetrics(ticker));
    }

    @Tool(name = "riskAssessment", value = RISK)
    public ToolResult riskAssessment(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        return riskManagement(symbol);
    }

    @Tool(name = "riskAnalysis", value = RISK)
    public ToolResult riskAnalysis(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        return riskManagement(symbol);
    }

    @Tool(name = "hedging", value = "Inputs for hedging a position: the symbol's volatility, VaR, beta and drawdown "
            + "with the portfolio's risk.")
    public ToolResult hedging(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, ToolResult.merge(tools.riskMetrics(ticker), tools.portfolioRisk()));
    }

    @Tool(name = "portfolio", value = "The user's holdings: weight, market value and profit/loss of each position.")
    public ToolResult portfolio() {
        return tools.portfolioHoldings();
    }

    @Tool(name = "portfolioAnalysis", value = PORTFOLIO_RISK)
    public ToolResult portfolioAnalysis() {
        return tools.portfolioRisk();
    }

    @Tool(name = "correlationAnalysis", value = PORTFOLIO_RISK)
    public ToolResult correlationAnalysis() {
        return tools.portfolioRisk();
    }

    @Tool(name = "monteCarlo", value = PORTFOLIO_RISK)
    public ToolResult monteCarlo() {
        return tools.portfolioRisk();
    }

    @Tool(name = "portfolioOptimization", value = OPTIMISE)
    public ToolResult portfolioOptimization(@P(name = "objective", value = OBJECTIVE, required = false)
                                            String objective) {
        return tools.optimizePortfolio(objective(objective));
    }

    @Tool(name = "assetAllocation", value = OPTIMISE)
    public ToolResult assetAllocation(@P(name = "objective", value = OBJECTIVE, required = false) String objective) {
        return portfolioOptimization(objective);
    }

    @Tool(name = "optimization", value = OPTIMISE)
    public ToolResult optimization(@P(name = "objective", value = OBJECTIVE, required = false) String objective) {
        return portfolioOptimization(objective);
    }

    @Tool(name = "search", value = "Search news, filings and social posts; results carry ids to cite and a "
            + "sentiment score in [-1, 1].")
    public ToolResult search(@P(name = "query", value = "What to search news, filings and posts for") String query,
                             @P(name = "symbol", value = "Ticker the results should concern, optional",
                                     required = false) String symbol,
                             @P(name = "limit", value = "Maximum number of results, default " + DEFAULT_SEARCH_LIMIT,
                                     required = false) Integer limit) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            throw new InvalidArguments("argument 'query' is required");
        }
        String ticker = optionalSymbol(symbol);
        int bounded = Math.max(1, Math.min(MAX_SEARCH_LIMIT, limit == null ? DEFAULT_SEARCH_LIMIT : limit));
        return about(ticker, tools.search(text, ticker, bounded));
    }

    @Tool(name = "economicData", value = "Macro data: policy rate and its 3-month change, headline and core "
            + "inflation, GDP growth, unemployment, payrolls, 10-year yield, 10y-2y curve (US figures from FRED, "
            + "each with its series and date), with macro headlines.")
    public ToolResult economicData(@P(name = "region", value = "Economy, e.g. US or EU; default US", required = false)
                                   String region) {
        return tools.economicIndicators(region == null || region.isBlank() ? "US" : region);
    }

    @Tool(name = "sectorAnalysis", value = "Performance of the symbol's sector and the symbol against it, "
            + "with the sector's valuation.")
    public ToolResult sectorAnalysis(@P(name = "symbol", value = SYMBOL_TEXT) String symbol) {
        String ticker = symbol(symbol);
        return about(ticker, tools.sectorAnalysis(ticker));
    }

    /** Every tool name there is. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(METHODS.keySet());
    }

    /** Specifications for the given names in their order; names that are no tool are left out. */
    public static List<ToolSpecification> specifications(Collection<String> names) {
        return new LinkedHashSet<>(names).stream().filter(SPECIFICATIONS::containsKey).map(SPECIFICATIONS::get)
                .toList();
    }

    /**
     * Runs one requested call.
     *
     * @param resultId citation id given to the result (and, with a suffix, to its items)
     */
    public ToolCall execute(ToolExecutionRequest request, String resultId) {
        String name = request.name();
        Method method = METHODS.get(name);
        if (method == null) {
            return failed(request, "unknown tool '" + name + "'");
        }
        String arguments = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
        ToolExecutionRequest normalised = request.toBuilder().arguments(arguments).build();
        try {
            ToolExecutionResult executed = DefaultToolExecutor.builder().object(this).originalMethod(method)
                    .methodToInvoke(method).wrapToolArgumentsExceptions(true).propagateToolExecutionExceptions(true)
                    .build().executeWithContext(normalised, null);
            ToolResult result = executed.result() instanceof ToolResult r ? r : ToolResult.unavailable("no data");
            return new ToolCall(request.id(), name, request.arguments(), result.identified(resultId, name), null);
        } catch (ToolArgumentsException e) {
            return failed(request, "arguments must be a JSON object");
        } catch (ToolExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InvalidArguments) {
                return failed(request, cause.getMessage());
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return failed(request, name + " failed: " + message);
        }
    }

    private static ToolCall failed(ToolExecutionRequest request, String error) {
        return new ToolCall(request.id(), request.name(), request.arguments(), null, error);
    }

    /** A result about {@code symbol} names it, when the server left that out. */
    private static ToolResult about(String symbol, ToolResult result) {
        if (result == null) {
            return about(symbol, ToolResult.unavailable("no data"));
        }
        return result.symbol() == null && symbol != null
                ? new ToolResult(result.id(), result.tool(), symbol, result.source(), result.asOf(), result.metrics(),
                result.items(), result.note())
                : result;
    }

    private static String symbol(String symbol) {
        String ticker = optionalSymbol(symbol);
        if (ticker == null) {
            throw new InvalidArguments("argument 'symbol' is required");
        }
        return ticker;
    }

    private static String optionalSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return null;
        }
        String ticker = symbol.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(ticker).matches()) {
            throw new InvalidArguments("not a ticker symbol: " + ticker);
        }
        return ticker;
    }

    private static String objective(String objective) {
        String chosen = objective == null || objective.isBlank() ? "max-sharpe" : objective;
        if (!chosen.equals("max-sharpe") && !chosen.equals("min-volatility")) {
            throw new InvalidArguments("objective must be max-sharpe or min-volatility");
        }
        return chosen;
    }

    private static Map<String, Method> toolMethods() {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method method : ServerAgentTools.class.getDeclaredMethods()) {
            Tool tool = method.getAnnotation(Tool.class);
            if (tool != null) {
                methods.put(tool.name(), method);
            }
        }
        return Collections.unmodifiableMap(methods);
    }

    private static Map<String, ToolSpecification> toolSpecifications() {
        Map<String, ToolSpecification> specifications = new LinkedHashMap<>();
        METHODS.forEach((name, method) -> specifications.put(name, ToolSpecifications.toolSpecificationFrom(method)));
        return Collections.unmodifiableMap(specifications);
    }

    /** Arguments the model sent that no call can be made with; the model reads the message as it is. */
    private static final class InvalidArguments extends IllegalArgumentException {
        InvalidArguments(String message) {
            super(message);
        }
    }
}
