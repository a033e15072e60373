package com.finagent.agents.debate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Everything a debate depends on besides the models and tools; stored with the outcome so a debate can be replayed.
 *
 * @param id            debate id; every execution id derives from it, so give each run a fresh one (null: random)
 * @param query         the user's question
 * @param assistantType profile id of {@code assistants.json}: general, analyst, trader, advisor, riskManager, economist
 * @param symbols       tickers in question
 * @param evidence      evidence gathered before the debate (more may come from sources and tools)
 * @param portfolio     the user's portfolio, may be null
 * @param settings      null for {@link DebateSettings#defaults()}
 */
public record DebateRequest(String id, String query, String assistantType, List<String> symbols, Evidence evidence,
                            PortfolioContext portfolio, DebateSettings settings) {

    public DebateRequest {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        if (assistantType == null || assistantType.isBlank()) {
            throw new IllegalArgumentException("assistantType is required");
        }
        List<String> normal = new ArrayList<>();
        for (String symbol : symbols == null ? List.<String>of() : symbols) {
            normal.add(symbol.trim().toUpperCase(Locale.ROOT));
        }
        symbols = List.copyOf(new LinkedHashSet<>(normal));
        evidence = evidence == null ? Evidence.empty() : evidence;
        settings = settings == null ? DebateSettings.defaults() : settings;
    }

    public DebateRequest withId(String newId) {
        return new DebateRequest(newId, query, assistantType, symbols, evidence, portfolio, settings);
    }

    public DebateRequest withEvidence(Evidence newEvidence) {
        return new DebateRequest(id, query, assistantType, symbols, newEvidence, portfolio, settings);
    }

    public DebateRequest withSettings(DebateSettings newSettings) {
        return new DebateRequest(id, query, assistantType, symbols, evidence, portfolio, newSettings);
    }
}
