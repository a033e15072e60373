package com.finagent.application.search;

import java.util.List;
import java.util.function.Supplier;

/**
 * A source answered by a live service: the service's candidates are ranked here with the same BM25 index as
 * the offline corpora (built per answer; a few hundred documents at most), so the sources rank alike.
 */
public final class RemoteSource implements SearchSource {

    private final SourceName name;
    private final String service;
    private final RemoteFeed feed;
    private final Supplier<CompanyDirectory> companies;

    public RemoteSource(SourceName name, String service, RemoteFeed feed, Supplier<CompanyDirectory> companies) {
        this.name = name;
        this.service = service;
        this.feed = feed;
        this.companies = companies;
    }

    @Override
    public SourceName name() {
        return name;
    }

    @Override
    public SourceAnswer search(SearchRequest request) {
        List<SearchDocument> candidates = feed.fetch(request);
        RankingQuery ranking = RankingQuery.of(request, companies.get().namesOf(request.symbols()));
        List<SearchResult> results = ResultFusion.distinct(CorpusIndex.build(candidates).search(ranking, request.limit() * 2)
                .stream().map(hit -> hit.document().toResult(name, request.query(), hit.score())).toList());
        return new SourceAnswer(SourceStatus.OK, service, results.subList(0, Math.min(request.limit(), results.size())), null);
    }
}
