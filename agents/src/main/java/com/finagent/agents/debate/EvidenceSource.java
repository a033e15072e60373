package com.finagent.agents.debate;

import java.util.List;

/**
 * One source of the parallel-search step (news search, market data, analytics, portfolio, …). The engine runs all
 * sources of a debate concurrently on its executor and merges what they return into the request's evidence.
 */
public interface EvidenceSource {

    /** Name shown in the execution graph, e.g. {@code news-search}. */
    String name();

    /** Evidence for the question; ids must be unique across sources. May throw: the debate goes on without it. */
    Evidence gather(String query, String assistantType, List<String> symbols);
}
