package com.finagent.agents.tools;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link AgentTools} call returns: named figures and/or evidence items, with where they came from.
 * Agents quote numbers only from {@link #metrics()} (or the request's evidence) and cite them as
 * {@code id#metric}. Metric names follow {@link com.finagent.agents.model.AgentProtocol}'s vocabulary
 * (e.g. {@code rsi14}, {@code volatility}, {@code var95}) so every mandate can read them.
 *
 * @param id      citation id; the adapter assigns one when the server leaves it null
 * @param tool    tool name that produced it
 * @param symbol  ticker it concerns, null for portfolio or market-wide results
 * @param source  data source, e.g. "Polygon", "analytics", "offline history"
 * @param asOf    ISO-8601 time or date of the data, may be null
 * @param metrics named figures; fractions as fractions (0.12 for 12 %)
 * @param items   evidence items, e.g. search hits
 * @param note    free text for what figures cannot say, or why the result is empty
 */
public record ToolResult(String id, String tool, String symbol, String source, String asOf,
                         Map<String, Double> metrics, List<EvidenceItem> items, String note) {

    public ToolResult {
        // sorted, so that agents reading the figures iterate them in the same order on every run
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static ToolResult ofMetrics(String symbol, String source, String asOf, Map<String, Double> metrics) {
        return new ToolResult(null, null, symbol, source, asOf, metrics, List.of(), null);
    }

    public static ToolResult ofItems(String symbol, String source, List<EvidenceItem> items) {
        return new ToolResult(null, null, symbol, source, null, Map.of(), items, null);
    }

    /** A result saying the capability is not available, so the agent reasons without it rather than guessing. */
    public static ToolResult unavailable(String why) {
        return new ToolResult(null, null, null, null, null, Map.of(), List.of(), why);
    }

    /** Written as {@code "empty"}: JSON-B names a record's getters by their method names otherwise. */
    @JsonbProperty("empty")
    public boolean isEmpty() {
        return metrics.isEmpty() && items.isEmpty();
    }

    /** This result under a citation id, with ids for its items derived from it where the server gave none. */
    public ToolResult identified(String newId, String toolName) {
        List<EvidenceItem> named = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EvidenceItem item = items.get(i);
            named.add(item.id() == null ? item.withId(newId + "/" + (i + 1)) : item);
        }
        return new ToolResult(newId, toolName, symbol, source, asOf, metrics, named, note);
    }

    /** Two results of one composite tool as one: figures of {@code first} win on equal names. */
    static ToolResult merge(ToolResult first, ToolResult second) {
        Map<String, Double> metrics = new TreeMap<>(second.metrics());
        metrics.putAll(first.metrics());
        List<EvidenceItem> items = new ArrayList<>(first.items());
        items.addAll(second.items());
        return new ToolResult(first.id(), first.tool(), first.symbol() != null ? first.symbol() : second.symbol(),
                join(first.source(), second.source()), first.asOf() != null ? first.asOf() : second.asOf(),
                metrics, items, join(first.note(), second.note()));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        if (b == null || b.isBlank() || a.equals(b)) {
            return a;
        }
        return a + "; " + b;
    }
}
