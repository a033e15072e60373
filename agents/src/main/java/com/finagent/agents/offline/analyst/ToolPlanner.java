package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.CanonicalJson;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.finagent.agents.offline.analyst.Mandates.SENTIMENT;
import static com.finagent.agents.offline.analyst.Mandates.VALUATION;

/**
 * The tool calls of a participant's first turn: the tools its mandate's signal groups want, among those offered,
 * per symbol where a tool takes one, and a news or macro search where a tool takes a query.
 */
final class ToolPlanner {

    private final String participantId;
    private final String mandate;
    private final List<String> symbols;

    ToolPlanner(AnalysisInputs inputs) {
        this.participantId = inputs.participantId();
        this.mandate = inputs.mandate();
        this.symbols = inputs.symbols();
    }

    /** The calls to make, in a fixed order; empty when no offered tool serves the mandate. */
    List<ToolExecutionRequest> planToolCalls(List<ToolSpecification> offered) {
        Map<String, ToolSpecification> byName = new LinkedHashMap<>();
        for (ToolSpecification spec : offered) {
            byName.put(spec.name(), spec);
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (mandate.equals("hedging") && byName.containsKey("hedging")) {
            chosen.add("hedging");
        }
        for (String group : Mandates.weights(mandate).keySet()) {
            for (List<String> alternatives : Mandates.tools(group)) {
                alternatives.stream().filter(byName::containsKey).findFirst().ifPresent(chosen::add);
            }
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (String tool : chosen) {
            ToolSpecification spec = byName.get(tool);
            Set<String> parameters = spec.parameters() == null ? Set.of() : spec.parameters().properties().keySet();
            boolean perSymbol = parameters.contains("symbol");
            boolean query = parameters.contains("query");
            if (query) {
                boolean macroSearch = !Mandates.weights(mandate).containsKey(SENTIMENT) && !Mandates.weights(mandate).containsKey(VALUATION);
                if (macroSearch) {
                    calls.add(call(calls.size(), tool, Map.of("query", "interest rates inflation economy outlook")));
                } else {
                    for (String symbol : symbols) {
                        calls.add(call(calls.size(), tool, Map.of("query", symbol + " news", "symbol", symbol)));
                    }
                }
            } else if (perSymbol) {
                for (String symbol : symbols) {
                    calls.add(call(calls.size(), tool, Map.of("symbol", symbol)));
                }
            } else {
                calls.add(call(calls.size(), tool, Map.of()));
            }
        }
        return calls;
    }

    private ToolExecutionRequest call(int index, String tool, Map<String, String> arguments) {
        return ToolExecutionRequest.builder()
                .id("call-" + participantId + "-" + (index + 1))
                .name(tool)
                .arguments(CanonicalJson.write(new TreeMap<>(arguments)))
                .build();
    }
}
