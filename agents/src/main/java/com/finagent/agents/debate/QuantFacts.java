package com.finagent.agents.debate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures about one symbol from one source, cited as {@code id#metric}.
 *
 * @param id      citation id, e.g. {@code q-NVDA-analytics}
 * @param symbol  ticker, or {@link com.finagent.agents.model.AgentProtocol#MACRO} (or null) for market-wide figures
 * @param source  where the figures come from
 * @param asOf    ISO-8601 date or time of the figures
 * @param metrics figures under the names of {@link com.finagent.agents.model.AgentProtocol}
 */
public record QuantFacts(String id, String symbol, String source, String asOf, Map<String, Double> metrics) {

    public QuantFacts {
        if (id == null || id.isBlank() || id.contains("#")) {
            throw new IllegalArgumentException("facts need an id without '#'");
        }
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
