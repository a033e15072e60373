package com.finagent.agents.tools;

/**
 * The data agents can ask for while they reason. The server implements it over its market-data, analytics,
 * portfolio and search services, scoped to the user the debate runs for; {@link ServerAgentTools} offers it to the
 * models under the tool names of {@code assistants.json}.
 * <p>
 * Return figures in {@link ToolResult#metrics()} under the metric names of
 * {@link com.finagent.agents.model.AgentProtocol} (fractions as fractions). A method may throw; the agent then
 * sees the error message as the tool's answer and goes on without it. Implementations are called from several
 * threads at once.
 */
public interface AgentTools {

    /** Last price and day change: {@code price}, {@code dayChange}, {@code marketCap} where known. */
    ToolResult quote(String symbol);

    /**
     * Summary of daily history over {@code days} calendar days: {@code return1m}, {@code return3m},
     * {@code return1y}, {@code high52w}, {@code low52w}, {@code sma50}, {@code sma200}, {@code price}.
     */
    ToolResult priceHistory(String symbol, int days);

    /** {@code rsi14}, {@code macdHistogram}, {@code sma50}, {@code sma200}, {@code bollingerPctB}, {@code atr14}. */
    ToolResult technicalIndicators(String symbol);

    /**
     * {@code volatility} (annualised), {@code var95} (1-day historical VaR as a positive fraction),
     * {@code expectedShortfall95}, {@code maxDrawdown}, {@code beta}, {@code sharpe}.
     */
    ToolResult riskMetrics(String symbol);

    /** The user's positions as items or metrics: {@code weight.SYMBOL}, {@code pnlPct.SYMBOL}, {@code totalValue}. */
    ToolResult portfolioHoldings();

    /** News, filings and posts matching {@code query} (and {@code symbol} if not null), scored for sentiment. */
    ToolResult search(String query, String symbol, int limit);

    /** Portfolio-level risk: {@code volatility}, {@code var95}, {@code maxDrawdown}, {@code maxWeight}, {@code hhi}. */
    default ToolResult portfolioRisk() {
        return ToolResult.unavailable("portfolio risk is not available");
    }

    /** Weights an optimiser proposes for {@code objective} (min-volatility or max-sharpe) as {@code weight.SYMBOL}. */
    default ToolResult optimizePortfolio(String objective) {
        return ToolResult.unavailable("portfolio optimisation is not available");
    }

    /**
     * Macro figures of {@code region}: {@code policyRate}, {@code policyRateChange} (basis points, last 3 months),
     * {@code inflationYoY}, {@code coreInflationYoY}, {@code gdpGrowth}, {@code unemployment},
     * {@code unemploymentChange} (percentage points, last 12 months), {@code payrollsChange} (thousand jobs, last
     * month), {@code yield10y}, {@code yield10yChange}, {@code yieldCurve10y2y}, {@code pmi}; an
     * {@link EvidenceItem#STATISTIC} item per figure with its series and date; items for macro headlines. Without a
     * statistics source for the region: the headlines, no figures, and a note that says so.
     */
    default ToolResult economicIndicators(String region) {
        return ToolResult.unavailable("economic data is not available");
    }

    /** {@code sectorReturn3m}, {@code relativeStrength3m}, {@code sectorPe} of the symbol's sector. */
    default ToolResult sectorAnalysis(String symbol) {
        return ToolResult.unavailable("sector analysis is not available");
    }
}
