package com.finagent.application.agent;

import com.finagent.agents.debate.Evidence;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.search.SearchResponse;
import com.finagent.application.search.SearchResult;
import com.finagent.application.search.SearchService;
import com.finagent.application.sentiment.SentimentService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The debate's evidence from our search: one source each for news, SEC filings and social posts (so the engine
 * runs them side by side), every item scored for sentiment, with its origin, date and link.
 */
@ApplicationScoped
public class EvidenceSources {

    private static final int PER_SOURCE = 8;

    @EJB
    SearchService search;

    @EJB
    SentimentService sentiment;

    /** The parallel-search sources of a debate. */
    public List<EvidenceSource> forDebate(UUID userId) {
        return List.of(source("news", "news"), source("sec", "filing"), source("social", "social"));
    }

    /** The agents' search tool: the same search over every source. */
    public ToolResult searchTool(ServerAgentTools.SearchQuery query) {
        SearchResponse response = search.search(query.query(),
                query.symbol() == null ? List.of() : List.of(query.symbol()), List.of("news", "sec", "social"),
                Math.max(1, Math.min(query.limit(), 20)));
        return ToolResult.ofItems(query.symbol(), "search", items("search", response.results(), null));
    }

    /**
     * Macro evidence for the economist's economic-data tool: central-bank, rates, inflation and growth headlines
     * from the news sources. There is no macro statistics feed (offline or configured), so no figures: the note
     * says so, and the agents reason from the headlines.
     */
    public ToolResult macroTool(String region) {
        String where = region == null || region.isBlank() ? "" : " " + region;
        SearchResponse response = search.search("Fed interest rates inflation economy growth jobs" + where, List.of(),
                List.of("news"), PER_SOURCE);
        ToolResult headlines = ToolResult.ofItems(null, "news search (macro headlines)",
                items("macro", response.results(), "macro"));
        return new ToolResult(null, null, null, headlines.source(), null, null, headlines.items(),
                "no macro statistics source is configured: headlines only, no figures");
    }

    private EvidenceSource source(String sourceName, String category) {
        return new EvidenceSource() {
            @Override
            public String name() {
                return sourceName + "-search";
            }

            @Override
            public Evidence gather(String query, String assistantType, List<String> symbols) {
                SearchResponse response = search.search(query, symbols, List.of(sourceName), PER_SOURCE);
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
