package com.finagent.agents.offline.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tool's answer as the conversation carries it: its result, or the error it reported.
 *
 * @param tool  the tool's name
 * @param data  the result, null after an error
 * @param error what went wrong, null for a result
 */
record ToolAnswer(String tool, ToolResult data, String error) {

    /** The answers among {@code messages}, in order. */
    static List<ToolAnswer> all(List<ChatMessage> messages) {
        List<ToolAnswer> results = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message instanceof ToolExecutionResultMessage tool) {
                results.add(read(tool.toolName(), tool.text()));
            }
        }
        return results;
    }

    private static ToolAnswer read(String toolName, String text) {
        JsonNode node = Json.parse(text).filter(JsonNode::isObject).orElse(null);
        if (node == null) {
            return new ToolAnswer(toolName, null, text == null || text.isBlank() ? "no answer" : text);
        }
        if (node.hasNonNull("error")) {
            return new ToolAnswer(toolName, null, node.get("error").asText());
        }
        return new ToolAnswer(toolName, toolResult(node), null);
    }

    /** A tool result from the JSON {@code ToolCall#toModelText} wrote. */
    static ToolResult toolResult(JsonNode node) {
        Map<String, Double> metrics = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (metric.getValue().isNumber()) {
                metrics.put(metric.getKey(), metric.getValue().asDouble());
            }
        }
        List<EvidenceItem> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            if (item.hasNonNull("id")) {
                Double sentiment = item.path("sentiment").isNumber() ? item.get("sentiment").asDouble() : null;
                items.add(new EvidenceItem(item.get("id").asText(), text(item, "source"), text(item, "title"),
                        text(item, "snippet"), text(item, "url"), text(item, "date"), text(item, "symbol"),
                        text(item, "category"), sentiment));
            }
        }
        return new ToolResult(text(node, "id"), text(node, "tool"), text(node, "symbol"), text(node, "source"),
                text(node, "asOf"), metrics, items, text(node, "note"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The published statistics among a result's items, each with its own series and date. */
    static List<EvidenceItem> statistics(ToolResult result) {
        return result.items().stream().filter(item -> EvidenceItem.STATISTIC.equals(item.category())
                && item.title() != null && item.date() != null).toList();
    }

    /** Whether a result holds economic statistics rather than a security's or the portfolio's figures. */
    static boolean isMacro(ToolResult result) {
        return "economicData".equals(result.tool()) || "MACRO".equals(result.symbol());
    }

    /** Whether a result holds an optimiser's proposed weights rather than the portfolio as it is. */
    static boolean isOptimiser(ToolResult result) {
        return result.tool() != null && Capability.OPTIMISE.tools.contains(result.tool());
    }
}
