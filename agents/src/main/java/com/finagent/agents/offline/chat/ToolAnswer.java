package com.finagent.agents.offline.chat;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
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
        JsonObject node = CanonicalJson.parseObject(text).orElse(null);
        if (node == null) {
            return new ToolAnswer(toolName, null, text == null || text.isBlank() ? "no answer" : text);
        }
        if (JsonFields.hasNonNull(node, "error")) {
            return new ToolAnswer(toolName, null, JsonFields.text(node, "error", ""));
        }
        return new ToolAnswer(toolName, toolResult(node), null);
    }

    /** A tool result from the JSON {@code ToolCall#toModelText} wrote. */
    static ToolResult toolResult(JsonObject node) {
        Map<String, Double> metrics = new TreeMap<>();
        JsonFields.object(node, "metrics").forEach((name, value) -> {
            if (JsonFields.isNumber(value)) {
                metrics.put(name, JsonFields.number(value, 0));
            }
        });
        List<EvidenceItem> items = new ArrayList<>();
        for (JsonValue item : JsonFields.array(node, "items")) {
            if (JsonFields.hasNonNull(item, "id")) {
                Double sentiment = JsonFields.isNumber(item, "sentiment") ? JsonFields.number(item, "sentiment", 0) : null;
                items.add(new EvidenceItem(text(item, "id"), text(item, "source"), text(item, "title"),
                        text(item, "snippet"), text(item, "url"), text(item, "date"), text(item, "symbol"),
                        text(item, "category"), sentiment));
            }
        }
        return new ToolResult(text(node, "id"), text(node, "tool"), text(node, "symbol"), text(node, "source"),
                text(node, "asOf"), metrics, items, text(node, "note"));
    }

    private static String text(JsonValue node, String field) {
        return JsonFields.text(node, field);
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
