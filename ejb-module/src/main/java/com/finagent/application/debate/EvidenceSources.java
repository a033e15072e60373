package com.finagent.application.debate;

import com.finagent.agents.debate.Evidence;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.macro.MacroFigure;
import com.finagent.application.macro.MacroService;
import com.finagent.application.macro.MacroSnapshot;
import com.finagent.application.macro.UsIndicators;
import com.finagent.application.search.SearchResponse;
import com.finagent.application.search.SearchResult;
import com.finagent.application.search.SearchService;
import com.finagent.application.sentiment.SentimentService;
import com.finagent.application.tools.ServiceAgentTools;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The debate's evidence from our search: one source each for news, SEC filings and social posts (so the engine
 * runs them side by side), every item scored for sentiment, with its origin, date and link; and the agents'
 * search and economic-data tools.
 */
@ApplicationScoped
public class EvidenceSources {

    private static final int PER_SOURCE = 8;

    @EJB
    SearchService search;

    @EJB
    SentimentService sentiment;

    @Inject
    MacroService macro;

    /** The parallel-search sources of a debate. */
    public List<EvidenceSource> forDebate(UUID userId) {
        return asOf(null);
    }

    /**
     * The parallel-search sources of a debate run as of {@code day} (null: today): only news, filings and posts
     * dated before it, never undated ones.
     */
    public List<EvidenceSource> asOf(LocalDate day) {
        return List.of(source("news", "news", day), source("sec", "filing", day), source("social", "social", day));
    }

    /** The agents' search tool: the same search over every source. */
    public ToolResult searchTool(ServiceAgentTools.SearchQuery query) {
        return searchTool(query, null);
    }

    /** The agents' search tool as of {@code day}: what was published before it. */
    public ToolResult searchTool(ServiceAgentTools.SearchQuery query, LocalDate day) {
        SearchResponse response = search.search(query.query(),
                query.symbol() == null ? List.of() : List.of(query.symbol()), List.of("news", "sec", "social"),
                Math.max(1, Math.min(query.limit(), 20)), day);
        return ToolResult.ofItems(query.symbol(), "search" + (day == null ? "" : " (as of " + day + ")"),
                items("search", response.results(), null));
    }

    /**
     * The economist's tool as of {@code day}: macro headlines published before it and no figures, since the
     * statistics source gives today's vintage of each series, not what was published then.
     */
    public ToolResult macroToolAsOf(String region, LocalDate day) {
        String where = region == null || region.isBlank() ? "" : " " + region;
        SearchResponse response = search.search("Fed interest rates inflation economy growth jobs" + where, List.of(),
                List.of("news"), PER_SOURCE, day);
        return new ToolResult(null, null, null, "news search (macro headlines as of " + day + ")", null, null,
                items("macro", response.results(), "macro"), "no statistics as of a past day: today's vintage of a "
                + "series may revise what was known then; headlines only, no figures");
    }

    /**
     * The economist's economic-data tool: US statistics from FRED (when configured and the region is the US) as
     * figures, each also an item with its series, date and link, plus central-bank, rates, inflation and growth
     * headlines from the news sources. Without statistics the note says why, and there are no figures at all.
     */
    public ToolResult macroTool(String region) {
        String where = region == null || region.isBlank() ? "" : " " + region;
        SearchResponse response = search.search("Fed interest rates inflation economy growth jobs" + where, List.of(),
                List.of("news"), PER_SOURCE);
        List<EvidenceItem> headlines = items("macro", response.results(), "macro");
        String headlinesSource = "news search (macro headlines)";
        if (!UsIndicators.covers(region)) {
            return new ToolResult(null, null, null, headlinesSource, null, null, headlines, "FRED covers US series "
                    + "only, so there are no statistics for " + region.strip() + ": headlines only, no figures");
        }
        if (!macro.configured()) {
            return new ToolResult(null, null, null, headlinesSource, null, null, headlines, "no macro statistics "
                    + "source is configured (set finagent.fred.api-key): headlines only, no figures");
        }
        MacroSnapshot snapshot = macro.us();
        if (snapshot.figures().isEmpty()) {
            return new ToolResult(null, null, null, headlinesSource, null, null, headlines,
                    "FRED gave no figures (" + snapshot.failure() + "): headlines only, no figures");
        }
        String gaps = snapshot.missing().stream().map(m -> m.seriesId() + ": " + m.reason())
                .collect(Collectors.joining("; "));
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<EvidenceItem> items = new ArrayList<>();
        for (MacroFigure figure : snapshot.figures()) {
            metrics.put(figure.metric(), figure.value());
            items.add(new EvidenceItem(null, "FRED " + figure.seriesId(), "US " + figure.label() + ": " + figure.text(),
                    figure.basis(), figure.url(), figure.date().toString(), null, EvidenceItem.STATISTIC, null));
        }
        items.addAll(headlines);
        return new ToolResult(null, null, null, snapshot.provider() + "; " + headlinesSource,
                snapshot.latestDate().toString(), metrics, items, "US figures as published by FRED or computed here "
                + "from its observations; each figure's series and date are in its item"
                + (gaps.isEmpty() ? "" : "; missing " + gaps));
    }

    private EvidenceSource source(String sourceName, String category, LocalDate before) {
        return new EvidenceSource() {
            @Override
            public String name() {
                return sourceName + "-search";
            }

            @Override
            public Evidence gather(String query, String assistantType, List<String> symbols) {
                SearchResponse response = search.search(query, symbols, List.of(sourceName), PER_SOURCE, before);
                return new Evidence(items(sourceName, response.results(), category), List.of());
            }
        };
    }

    private List<EvidenceItem> items(String prefix, List<SearchResult> results, String category) {
        List<SentimentService.Scored> scores = sentiment.score(results.stream()
                .map(r -> r.title() + ". " + r.snippet()).toList());
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SearchResult result = results.get(i);
            items.add(new EvidenceItem(prefix + "-" + (i + 1), result.origin(), result.title(), result.snippet(),
                    result.url(), result.date() == null ? null : result.date().toString(),
                    result.symbols().isEmpty() ? null : result.symbols().get(0),
                    category != null ? category : categoryOf(result.source()), scores.get(i).score()));
        }
        return items;
    }

    private static String categoryOf(String source) {
        return switch (source) {
            case "sec" -> "filing";
            case "social" -> "social";
            default -> "news";
        };
    }
}
