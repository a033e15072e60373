package com.finagent.application.debate;

import com.finagent.agents.debate.Evidence;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.debate.QuantFacts;
import com.finagent.agents.tools.AgentTools;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantitative facts per symbol for the parallel-search step, from the same tools the participants call: a live
 * debate's read today's history, a backtest's read the history up to the previous close of its day.
 */
public record MarketFactsSource(AgentTools tools) implements EvidenceSource {

    @Override
    public String name() {
        return "market-data";
    }

    @Override
    public Evidence gather(String query, String assistantType, List<String> symbols) {
        List<QuantFacts> facts = new ArrayList<>();
        for (String symbol : symbols) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            String source = null;
            String asOf = null;
            for (ToolResult result : List.of(tools.priceHistory(symbol, 365), tools.technicalIndicators(symbol),
                    tools.riskMetrics(symbol))) {
                metrics.putAll(result.metrics());
                source = source == null ? result.source() : source;
                asOf = result.asOf();
            }
            facts.add(new QuantFacts("q-" + symbol + "-analytics", symbol, source, asOf, metrics));
        }
        return new Evidence(List.<EvidenceItem>of(), facts);
    }
}
