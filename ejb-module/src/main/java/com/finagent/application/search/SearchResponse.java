package com.finagent.application.search;

import java.util.List;

/**
 * A search's answer: the query and symbols as understood, one report per requested source (in request order),
 * and the fused ranking. {@code partial} is true when any source timed out, failed or could not answer.
 */
public record SearchResponse(String query, List<String> symbols, List<SourceReport> sources,
                             List<SearchResult> results, boolean partial) {
}
