package com.finagent.agents.chat;

import com.finagent.agents.tools.AgentTools;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@link AgentTools} with fixed figures for AAPL and a small portfolio; records every call. */
final class StubTools implements AgentTools {

    static final String QUOTE_SOURCE = "Polygon";
    static final String HISTORY_SOURCE = "Polygon daily bars";
    static final String ANALYTICS = "analytics";

    private final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
    private final double price;

    StubTools() {
        this(227.52);
    }

    StubTools(double price) {
        this.price = price;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every figure the stub can return, by metric name, for checking that answers quote only these. */
    List<Double> allFigures() {
        List<Double> all = new java.util.ArrayList<>();
        for (ToolResult result : List.of(quote("AAPL"), priceHistory("AAPL", 365), technicalIndicators("AAPL"),
                riskMetrics("AAPL"), portfolioHoldings(), portfolioRisk(), economicIndicators("US"))) {
            all.addAll(result.metrics().values());
        }
        calls.clear();
        return all;
    }

    @Override
    public ToolResult quote(String symbol) {
        calls.add("quote " + symbol);
        return ToolResult.ofMetrics(symbol, QUOTE_SOURCE, "2025-09-05T20:00:00Z", Map.of("price", price,
                "dayChange", 0.0123));
    }

    @Override
    public ToolResult priceHistory(String symbol, int days) {
        calls.add("priceHistory " + symbol);
        return ToolResult.ofMetrics(symbol, HISTORY_SOURCE, "2025-09-05", metrics("price", price, "return1m", 0.0412,
                "return3m", 0.0935, "return1y", 0.1834, "high52w", 237.23, "low52w", 164.08, "sma50", 221.37,
                "sma200", 208.91));
    }

    @Override
    public ToolResult technicalIndicators(String symbol) {
        calls.add("technicalIndicators " + symbol);
        return ToolResult.ofMetrics(symbol, ANALYTICS, "2025-09-05", metrics("rsi14", 61.37, "macdHistogram", 0.84,
                "sma50", 221.37, "sma200", 208.91, "bollingerPctB", 0.72, "atr14", 4.13));
    }

    @Override
    public ToolResult riskMetrics(String symbol) {
        calls.add("riskMetrics " + symbol);
        return ToolResult.ofMetrics(symbol, ANALYTICS + " (risk)", "2025-09-05", metrics("volatility", 0.2841,
                "var95", 0.0268, "expectedShortfall95", 0.0391, "maxDrawdown", 0.3327, "beta", 1.21, "sharpe", 0.87));
    }

    @Override
    public ToolResult portfolioHoldings() {
        calls.add("portfolioHoldings");
        return ToolResult.ofMetrics(null, "the user's portfolios (1)", null, metrics("totalValue", 125430.5,
                "weight.AAPL", 0.2512, "pnlPct.AAPL", 0.1247, "weight.MSFT", 0.1833, "weight.VTI", 0.5655));
    }

    @Override
    public ToolResult portfolioRisk() {
        calls.add("portfolioRisk");
        return ToolResult.ofMetrics(null, "portfolio analytics", "2025-09-05", metrics("volatility", 0.1738,
                "var95", 0.0171, "maxDrawdown", 0.2213, "maxWeight", 0.5655, "hhi", 0.4174));
    }

    @Override
    public ToolResult search(String query, String symbol, int limit) {
        calls.add("search " + symbol);
        return ToolResult.ofItems(symbol, "news search", List.of(
                new EvidenceItem("news-1", "Reuters", "Apple beats quarterly estimates on services growth",
                        "Services revenue rose.", "https://example.com/1", "2025-09-04", "AAPL", "news", 0.6),
                new EvidenceItem("news-2", "Bloomberg", "iPhone demand in China softens", "Shipments fell.",
                        null, "2025-09-03", "AAPL", "news", -0.3)).subList(0, Math.min(limit, 2)));
    }

    /** Three FRED figures as the server gives them: metrics, and a statistic item each with its series and date. */
    @Override
    public ToolResult economicIndicators(String region) {
        calls.add("economicIndicators " + region);
        return new ToolResult(null, null, null, "FRED, Federal Reserve Bank of St. Louis; news search", "2025-09-04",
                metrics("inflationYoY", 2.92, "policyRateChange", -25.0, "yieldCurve10y2y", -12.0), List.of(
                new EvidenceItem(null, "FRED CPIAUCSL", "US CPI inflation, year over year: 2.92%",
                        "CPIAUCSL 322.132 on 2025-07-01 against 312.993 on 2024-07-01",
                        "https://fred.stlouisfed.org/series/CPIAUCSL", "2025-07-01", null, EvidenceItem.STATISTIC, null),
                new EvidenceItem(null, "FRED DFF", "US change in the effective federal funds rate over 3 months: "
                        + "-25 basis points", "DFF 4.08 on 2025-09-04 against 4.33 on 2025-06-04",
                        "https://fred.stlouisfed.org/series/DFF", "2025-09-04", null, EvidenceItem.STATISTIC, null),
                new EvidenceItem(null, "FRED T10Y2Y", "US 10-year minus 2-year Treasury yield spread: -12 basis points",
                        "T10Y2Y latest observation -0.12 on 2025-09-03", "https://fred.stlouisfed.org/series/T10Y2Y",
                        "2025-09-03", null, EvidenceItem.STATISTIC, null),
                new EvidenceItem("macro-1", "Reuters", "Fed cuts rates as hiring cools", "The Fed lowered its target.",
                        null, "2025-09-03", null, "macro", -0.1)), null);
    }

    private static Map<String, Double> metrics(Object... pairs) {
        Map<String, Double> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }
}
