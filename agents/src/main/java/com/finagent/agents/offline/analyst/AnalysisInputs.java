package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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

    private final JsonObject context;
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
    AnalysisInputs(JsonObject context, List<JsonObject> toolResults, List<String> ownStances) {
        ownStances.forEach(stance -> this.ownStances.add(stanceValue(stance)));
        this.context = context == null ? JsonValue.EMPTY_JSON_OBJECT : context;
        JsonObject participant = JsonFields.object(this.context, "participant");
        this.participantId = JsonFields.text(participant, "id", "participant");
        this.participantName = JsonFields.text(participant, "name", participantId);
        this.mandate = JsonFields.text(participant, "mandate", participantId);
        for (JsonValue symbol : JsonFields.array(this.context, "symbols")) {
            symbols.add(textOrEmpty(symbol).toUpperCase(Locale.ROOT));
        }
        JsonObject evidence = JsonFields.object(this.context, "evidence");
        for (JsonValue block : JsonFields.array(evidence, "facts")) {
            addFacts(JsonFields.text(block, "id", ""), JsonFields.text(block, "symbol"), JsonFields.object(block, "metrics"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonValue item : JsonFields.array(evidence, "items")) {
            addItem(item, seen);
        }
        for (JsonObject result : toolResults) {
            if (JsonFields.hasNonNull(result, "id")) {
                addFacts(JsonFields.text(result, "id", ""), JsonFields.text(result, "symbol"),
                        JsonFields.object(result, "metrics"));
                for (JsonValue item : JsonFields.array(result, "items")) {
                    addItem(item, seen);
                }
            }
        }
        for (JsonValue position : JsonFields.array(JsonFields.object(this.context, "portfolio"), "positions")) {
            String symbol = JsonFields.text(position, "symbol", "").toUpperCase(Locale.ROOT);
            holdings.put(symbol, new double[]{JsonFields.number(position, "weight", Double.NaN),
                    JsonFields.number(position, "unrealizedPnlPct", Double.NaN)});
        }
    }

    private static String textOrEmpty(JsonValue value) {
        String text = JsonFields.text(value);
        return text == null ? "" : text;
    }

    private void addFacts(String id, String symbol, JsonObject metrics) {
        String key = symbol == null || symbol.isBlank() ? AgentProtocol.MACRO : symbol.toUpperCase(Locale.ROOT);
        Map<String, Fact> bySymbol = facts.computeIfAbsent(key, k -> new TreeMap<>());
        metrics.forEach((name, value) -> {
            if (JsonFields.isNumber(value)) {
                // later sources (tool results, fetched for this analysis) replace the request's figures
                bySymbol.put(name, new Fact(JsonFields.number(value, 0), id + "#" + name));
            }
        });
    }

    private void addItem(JsonValue item, Set<String> seen) {
        String id = JsonFields.text(item, "id");
        if (id == null || !seen.add(id)) {
            return;
        }
        items.add(new Item(id, JsonFields.text(item, "title", ""), JsonFields.text(item, "source", ""),
                JsonFields.hasNonNull(item, "symbol") ? JsonFields.text(item, "symbol", "").toUpperCase(Locale.ROOT) : null,
                JsonFields.text(item, "category", "news"),
                JsonFields.isNumber(item, "sentiment") ? JsonFields.number(item, "sentiment", 0) : null,
                JsonFields.text(item, "date")));
    }

    JsonObject context() {
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
