package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.tools.AgentTools;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@link AgentTools} answering from a fixture request's evidence, as the server's services would; records calls. */
public final class FixtureTools implements AgentTools {

    private final DebateRequest request;
    private final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

    public FixtureTools(DebateRequest request) {
        this.request = request;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public ToolResult quote(String symbol) {
        calls.add("quote " + symbol);
        return metrics(symbol, "fixture quote", Set.of("price"));
    }

    @Override
    public ToolResult priceHistory(String symbol, int days) {
        calls.add("priceHistory " + symbol + " " + days);
        return metrics(symbol, "fixture history", Set.of("price", "return1m", "return3m", "return1y", "sma50", "sma200",
                "high52w", "low52w"));
    }

    @Override
    public ToolResult technicalIndicators(String symbol) {
        calls.add("technicalIndicators " + symbol);
        return metrics(symbol, "fixture indicators", Set.of("price", "rsi14", "macdHistogram", "sma50", "sma200",
                "bollingerPctB"));
    }

    @Override
    public ToolResult riskMetrics(String symbol) {
        calls.add("riskMetrics " + symbol);
        return metrics(symbol, "fixture analytics", Set.of("volatility", "var95", "expectedShortfall95", "maxDrawdown",
                "beta", "sharpe"));
    }

    @Override
    public ToolResult portfolioHoldings() {
        calls.add("portfolioHoldings");
        Map<String, Double> values = new TreeMap<>();
        values.put("totalValue", request.portfolio().totalValue());
        for (PortfolioPosition position : request.portfolio().positions()) {
            values.put("weight." + position.symbol(), position.weight());
            values.put("pnlPct." + position.symbol(), position.unrealizedPnlPct());
        }
        return ToolResult.ofMetrics(null, "fixture portfolio", "2025-09-05", values);
    }

    @Override
    public ToolResult portfolioRisk() {
        calls.add("portfolioRisk");
        return ToolResult.ofMetrics(null, "fixture portfolio analytics", "2025-09-05",
                Map.of("volatility", 0.214, "var95", 0.019, "maxWeight", 0.30, "hhi", 0.226));
    }

    @Override
    public ToolResult search(String query, String symbol, int limit) {
        calls.add("search " + query + " " + symbol);
        Set<String> categories = symbol == null ? Set.of("macro", "rates") : Set.of("news", "social", "analyst", "filing");
        List<EvidenceItem> hits = request.evidence().items().stream()
                .filter(i -> categories.contains(i.category()))
                .filter(i -> symbol == null || symbol.equals(i.symbol()))
                .limit(limit)
                .toList();
        return ToolResult.ofItems(symbol, "fixture search", hits);
    }

    @Override
    public ToolResult economicIndicators(String region) {
        calls.add("economicIndicators " + region);
        ToolResult macro = metrics(AgentProtocol.MACRO, "fixture macro data", Set.of("policyRate", "policyRateChange",
                "inflationYoY", "gdpGrowth", "unemployment", "yield10y", "yield10yChange", "yieldCurve10y2y", "pmi"));
        List<EvidenceItem> headlines = request.evidence().items().stream()
                .filter(i -> i.category().equals("macro") || i.category().equals("rates")).toList();
        return new ToolResult(null, null, null, macro.source(), macro.asOf(), macro.metrics(), headlines, null);
    }

    @Override
    public ToolResult sectorAnalysis(String symbol) {
        calls.add("sectorAnalysis " + symbol);
        ToolResult sector = metrics(symbol, "fixture sector data", Set.of("sectorReturn3m", "relativeStrength3m",
                "sectorPe"));
        List<EvidenceItem> news = request.evidence().items().stream()
                .filter(i -> i.category().equals("sector") && symbol.equals(i.symbol())).toList();
        return new ToolResult(null, null, symbol, sector.source(), sector.asOf(), sector.metrics(), news, null);
    }

    private ToolResult metrics(String symbol, String source, Set<String> names) {
        Map<String, Double> values = new TreeMap<>();
        String asOf = null;
        for (QuantFacts facts : request.evidence().facts()) {
            if (symbol.equals(facts.symbol())) {
                for (Map.Entry<String, Double> metric : facts.metrics().entrySet()) {
                    if (names.contains(metric.getKey())) {
                        values.put(metric.getKey(), metric.getValue());
                        asOf = facts.asOf();
                    }
                }
            }
        }
        return ToolResult.ofMetrics(symbol, source, asOf, values);
    }
}
