package com.finagent.agents.offline.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.finagent.agents.offline.analyst.Stances.stanceValue;

/**
 * What the analyst knows in one conversation: the participant, the symbols, the figures and texts of the evidence
 * and of the tool results (later sources replacing earlier figures), the user's holdings, and the stances it took.
 * Maps are sorted so that everything iterates in a fixed order.
 */
final class AnalysisInputs {

    private final JsonNode context;
    private final String participantId;
    private final String participantName;
    private final String mandate;
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Map<String, Fact>> facts = new TreeMap<>();
    private final List<Item> items = new ArrayList<>();
    private final Map<String, double[]> holdings = new TreeMap<>();
    private final List<Integer> ownStances = new ArrayList<>();

    /**
     * @param context     the analysis context of the conversation's first task, null for none
     * @param toolResults the tool results of the conversation, in order
     * @param ownStances  the stances this participant answered so far, in order
     */
    AnalysisInputs(JsonNode context, List<JsonNode> toolResults, List<String> ownStances) {
        ownStances.forEach(stance -> this.ownStances.add(stanceValue(stance)));
        this.context = context == null ? Json.mapper().createObjectNode() : context;
        JsonNode participant = this.context.path("participant");
        this.participantId = participant.path("id").asText("participant");
        this.participantName = participant.path("name").asText(participantId);
        this.mandate = participant.path("mandate").asText(participantId);
        for (JsonNode symbol : this.context.path("symbols")) {
            symbols.add(symbol.asText().toUpperCase(Locale.ROOT));
        }
        JsonNode evidence = this.context.path("evidence");
        for (JsonNode block : evidence.path("facts")) {
            addFacts(block.path("id").asText(), block.path("symbol").asText(null), block.path("metrics"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : evidence.path("items")) {
            addItem(item, seen);
        }
        for (JsonNode result : toolResults) {
            if (result.hasNonNull("id")) {
                addFacts(result.path("id").asText(), result.path("symbol").asText(null), result.path("metrics"));
                for (JsonNode item : result.path("items")) {
                    addItem(item, seen);
                }
            }
        }
        for (JsonNode position : this.context.path("portfolio").path("positions")) {
            String symbol = position.path("symbol").asText().toUpperCase(Locale.ROOT);
            holdings.put(symbol, new double[]{position.path("weight").asDouble(Double.NaN),
                    position.path("unrealizedPnlPct").asDouble(Double.NaN)});
        }
    }

    private void addFacts(String id, String symbol, JsonNode metrics) {
        String key = symbol == null || symbol.isBlank() ? AgentProtocol.MACRO : symbol.toUpperCase(Locale.ROOT);
        Map<String, Fact> bySymbol = facts.computeIfAbsent(key, k -> new TreeMap<>());
        metrics.fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) {
                // later sources (tool results, fetched for this analysis) replace the request's figures
                bySymbol.put(field.getKey(), new Fact(field.getValue().asDouble(), id + "#" + field.getKey()));
            }
        });
    }

    private void addItem(JsonNode item, Set<String> seen) {
        String id = item.path("id").asText(null);
        if (id == null || !seen.add(id)) {
            return;
        }
        JsonNode sentiment = item.get("sentiment");
        items.add(new Item(id, item.path("title").asText(""), item.path("source").asText(""),
                item.hasNonNull("symbol") ? item.path("symbol").asText().toUpperCase(Locale.ROOT) : null,
                item.path("category").asText("news"),
                sentiment != null && sentiment.isNumber() ? sentiment.asDouble() : null,
                item.path("date").asText(null)));
    }

    JsonNode context() {
        return context;
    }

    String participantId() {
        return participantId;
    }

    String participantName() {
        return participantName;
    }

    String mandate() {
        return mandate;
    }

    List<String> symbols() {
        return symbols;
    }

    /** Figures by symbol ({@link AgentProtocol#MACRO} for market-wide ones), then by metric. */
    Map<String, Map<String, Fact>> facts() {
        return facts;
    }

    List<Item> items() {
        return items;
    }

    /** Weight and unrealised P&amp;L (fractions, NaN when unknown) of each held symbol. */
    Map<String, double[]> holdings() {
        return holdings;
    }

    List<Integer> ownStances() {
        return ownStances;
    }
}
