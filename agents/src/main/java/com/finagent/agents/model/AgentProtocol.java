package com.finagent.agents.model;

import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * How the debate talks to a chat model, shared by the prompts and the offline model that reads them
 * ({@code com.finagent.agents.offline}).
 * <p>
 * Every user message ends with one fenced JSON block, the <em>context</em>: instructions above it for a language
 * model, the block itself for both a language model and the offline model. Its {@code task} is one of
 * {@link #TASK_INITIAL}, {@link #TASK_ROUND}, {@link #TASK_RECOMMENDATION} or {@link #TASK_REPAIR}. The context of
 * an analysis carries {@code participant} ({@code id}, {@code name}, {@code mandate}), {@code query},
 * {@code symbols}, {@code evidence} ({@code items}: id, source, title, snippet, date, symbol, category, sentiment;
 * {@code facts}: id, symbol, source, metrics) and {@code portfolio} (positions with symbol, weight, pnlPct; cite
 * {@code portfolio:SYMBOL}). A round's context carries {@code round}, {@code you} (own latest position) and
 * {@code others} (the other participants' latest positions). Tool results come back as JSON
 * {@link com.finagent.agents.tools.ToolResult}s.
 * <p>
 * A position answer is {@code {"stance", "confidence", "summary", "arguments": [{"claim", "evidence": [ids],
 * "direction", "respondsTo"}], "symbols": [{"symbol", "stance", "score"}], "respondsTo", "revisedFrom"}}; a cited
 * figure is {@code FACTS_OR_TOOL_ID#metric}.
 * <p>
 * Metric names: prices and ratios as numbers ({@code price}, {@code sma50}, {@code sma200}, {@code rsi14},
 * {@code macdHistogram}, {@code bollingerPctB}, {@code pe}, {@code forwardPe}, {@code pegRatio}, {@code pb},
 * {@code debtToEquity}, {@code beta}, {@code sharpe}, {@code sectorPe}); returns, margins, yields of a stock and
 * risk as fractions ({@code return1m}, {@code return3m}, {@code return1y}, {@code revenueGrowth},
 * {@code epsGrowth}, {@code operatingMargin}, {@code fcfYield}, {@code dividendYield}, {@code volatility},
 * {@code var95}, {@code expectedShortfall95}, {@code maxDrawdown}, {@code sectorReturn3m},
 * {@code relativeStrength3m}); macro figures (symbol {@link #MACRO}) as published: {@code policyRate},
 * {@code inflationYoY}, {@code coreInflationYoY}, {@code gdpGrowth}, {@code unemployment}, {@code yield10y} in
 * percent, {@code unemploymentChange} in percentage points, {@code policyRateChange}, {@code yield10yChange},
 * {@code yieldCurve10y2y} in basis points, {@code payrollsChange} in thousand jobs, {@code pmi} as an index.
 */
public final class AgentProtocol {

    public static final String TASK_INITIAL = "initial-analysis";
    public static final String TASK_ROUND = "debate-round";
    public static final String TASK_RECOMMENDATION = "final-recommendation";
    public static final String TASK_REPAIR = "repair";
    /** Symbol of market-wide facts (rates, inflation, growth). */
    public static final String MACRO = "MACRO";
    /** Citation prefix of a portfolio position, e.g. {@code portfolio:AAPL}. */
    public static final String PORTFOLIO_PREFIX = "portfolio:";

    private static final String FENCE = "```";
    private static final String OPEN = FENCE + "json\n";

    private AgentProtocol() {
    }

    /** A user message: instructions for a language model, then the context as a fenced JSON block. */
    public static String userMessage(String instructions, Object context) {
        return instructions + "\n\n" + OPEN + CanonicalJson.writePretty(context) + "\n" + FENCE;
    }

    /** The context of a user message: its last fenced JSON block, if any. */
    public static Optional<JsonObject> context(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int start = message.lastIndexOf(OPEN);
        if (start < 0) {
            return Optional.empty();
        }
        int end = message.indexOf(FENCE, start + OPEN.length());
        String body = end < 0 ? message.substring(start + OPEN.length()) : message.substring(start + OPEN.length(), end);
        return CanonicalJson.parseObject(body);
    }

    /** Approximate tokens of a text: whitespace-separated words, what the offline model and budgets count. */
    public static int countTokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
