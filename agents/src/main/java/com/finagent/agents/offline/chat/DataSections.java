package com.finagent.agents.offline.chat;

import com.finagent.agents.chat.Figures;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.finagent.agents.offline.chat.Sentences.capitalise;
import static com.finagent.agents.offline.chat.Sentences.date;
import static com.finagent.agents.offline.chat.Sentences.sourceOf;
import static com.finagent.agents.offline.chat.ToolAnswer.isMacro;
import static com.finagent.agents.offline.chat.ToolAnswer.isOptimiser;
import static com.finagent.agents.offline.chat.ToolAnswer.statistics;

/**
 * The paragraphs of an answer that quote tool figures: per symbol, the portfolio, the economy and the news. Every
 * number is a tool's, written by {@link Figures#format} and followed by its source, in the order the profile weighs
 * the metrics.
 */
final class DataSections {

    /** News items quoted per result, and asked for per search. */
    static final int MAX_ITEMS = 3;
    private static final int MAX_METRICS_PER_RESULT = 9;
    private static final int MAX_HOLDINGS = 6;

    private final AssistantProfile profile;

    DataSections(AssistantProfile profile) {
        this.profile = profile;
    }

    /** The figures of one symbol, each result with its source, in the order the profile weighs them. */
    String symbolSection(String symbol, List<ToolResult> data, Map<String, Map<String, Double>> bySymbol) {
        List<String> sentences = new ArrayList<>();
        Map<String, Double> merged = new LinkedHashMap<>();
        for (ToolResult result : data) {
            if (!symbol.equals(result.symbol()) || result.metrics().isEmpty()) {
                continue;
            }
            List<String> figures = new ArrayList<>();
            for (String metric : ordered(result.metrics().keySet())) {
                if (merged.containsKey(metric) || figures.size() == MAX_METRICS_PER_RESULT) {
                    continue;
                }
                double value = result.metrics().get(metric);
                merged.put(metric, value);
                figures.add(Figures.label(metric) + " " + Figures.format(metric, value));
            }
            if (!figures.isEmpty()) {
                String joined = String.join(", ", figures);
                sentences.add((sentences.isEmpty() ? joined : capitalise(joined)) + " (" + sourceOf(result) + ").");
            }
        }
        for (ToolResult result : data) {
            Double weight = result.metrics().get("weight." + symbol);
            if (result.symbol() == null && weight != null) {
                merged.put("weight", weight);
                Double pnl = result.metrics().get("pnlPct." + symbol);
                sentences.add("In your portfolio " + symbol + " weighs " + Figures.format("weight." + symbol, weight)
                        + (pnl == null ? "" : " with a profit/loss of " + Figures.format("pnlPct." + symbol, pnl))
                        + " (" + sourceOf(result) + ").");
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        bySymbol.put(symbol, merged);
        return symbol + ": " + String.join(" ", sentences);
    }

    /** Holdings, portfolio risk and optimiser weights not already told per symbol. */
    String portfolioSection(List<ToolResult> data, List<String> shownSymbols) {
        List<String> sentences = new ArrayList<>();
        for (ToolResult result : data) {
            if (result.symbol() != null || result.metrics().isEmpty() || isMacro(result)) {
                continue;
            }
            Map<String, Double> metrics = result.metrics();
            List<String> figures = new ArrayList<>();
            if (metrics.containsKey("totalValue")) {
                figures.add("total value " + Figures.format("totalValue", metrics.get("totalValue")));
            }
            metrics.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("weight.")
                            && !shownSymbols.contains(e.getKey().substring("weight.".length())))
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .limit(MAX_HOLDINGS)
                    .forEach(e -> {
                        String symbol = e.getKey().substring("weight.".length());
                        Double pnl = metrics.get("pnlPct." + symbol);
                        figures.add(symbol + " " + Figures.format(e.getKey(), e.getValue())
                                + (pnl == null ? "" : " (profit/loss " + Figures.format("pnlPct." + symbol, pnl) + ")"));
                    });
            for (String metric : ordered(metrics.keySet())) {
                if (!metric.contains(".") && !metric.equals("totalValue")) {
                    figures.add(Figures.label(metric) + " " + Figures.format(metric, metrics.get(metric)));
                }
            }
            if (!figures.isEmpty()) {
                String what = isOptimiser(result) ? "The optimiser proposes" : "Your portfolio";
                sentences.add(what + ": " + String.join(", ", figures) + " (" + sourceOf(result) + ").");
            }
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    String macroSection(List<ToolResult> data) {
        for (ToolResult result : data) {
            if (isMacro(result) && !result.metrics().isEmpty()) {
                List<String> figures = new ArrayList<>();
                // published statistics carry their own series and date, which differ figure by figure
                for (EvidenceItem statistic : statistics(result)) {
                    figures.add(statistic.title() + " (" + statistic.source() + ", " + date(statistic.date()) + ")");
                }
                if (!figures.isEmpty()) {
                    return "The economy: " + String.join("; ", figures) + ".";
                }
                for (String metric : ordered(result.metrics().keySet())) {
                    figures.add(Figures.label(metric) + " " + Figures.format(metric, result.metrics().get(metric)));
                }
                return "The economy: " + String.join(", ", figures) + " (" + sourceOf(result) + ").";
            }
        }
        return null;
    }

    static String newsSection(List<ToolResult> data, List<String> symbols) {
        List<String> lines = new ArrayList<>();
        double sentiment = 0;
        int scored = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (ToolResult result : data) {
            int shown = 0;
            for (EvidenceItem item : result.items()) {
                if (shown == MAX_ITEMS || item.title() == null || EvidenceItem.STATISTIC.equals(item.category())
                        || !seen.add(item.id())) {
                    continue;
                }
                shown++;
                lines.add("\"" + item.title() + "\" (" + (item.source() == null ? result.source() : item.source())
                        + (item.date() == null ? "" : ", " + date(item.date())) + ")");
                if (item.sentiment() != null) {
                    sentiment += item.sentiment();
                    scored++;
                }
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String tone = scored == 0 ? "" : " Taken together the coverage reads "
                + (sentiment / scored > 0.15 ? "positive" : sentiment / scored < -0.15 ? "negative" : "mixed") + ".";
        return "Recent coverage" + (symbols.isEmpty() ? "" : " of " + String.join(", ", symbols)) + ": "
                + String.join("; ", lines) + "." + tone;
    }

    List<String> ordered(Collection<String> metrics) {
        List<String> priority = ProfileWords.list("metrics", profile.id());
        List<String> out = new ArrayList<>();
        for (String metric : priority) {
            if (metrics.contains(metric)) {
                out.add(metric);
            }
        }
        metrics.stream().filter(m -> !out.contains(m) && !m.contains(".")).sorted().forEach(out::add);
        return out;
    }
}
