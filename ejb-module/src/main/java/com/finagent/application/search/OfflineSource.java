package com.finagent.application.search;

import java.util.List;
import java.util.function.Supplier;

/**
 * A source answered from an offline corpus because its live service is not configured. The answer says so;
 * a corpus that is not there gives an empty answer marked {@link SourceStatus#DISABLED}, not an error.
 */
public final class OfflineSource implements SearchSource {

    private final SourceName name;
    private final String origin;
    private final String reason;
    private final Supplier<CorpusIndex> index;
    private final Supplier<CompanyDirectory> companies;
    private volatile boolean indexed;

    /**
     * @param reason why the live service is not asked, e.g. "Polygon.io is not configured (finagent.market.polygon.key)"
     * @param index the corpus' index, built on first use; throws {@link OfflineCorpora.CorpusMissingException} when absent
     */
    public OfflineSource(SourceName name, String origin, String reason, Supplier<CorpusIndex> index,
                         Supplier<CompanyDirectory> companies) {
        this.name = name;
        this.origin = origin;
        this.reason = reason;
        this.index = index;
        this.companies = companies;
    }

    @Override
    public SourceName name() {
        return name;
    }

    @Override
    public String lateReason() {
        return indexed ? null : "the offline corpus is indexed on first use, which takes a few seconds; search again shortly";
    }

    @Override
    public SourceAnswer search(SearchRequest request) {
        CorpusIndex corpus;
        try {
            corpus = index.get();
            indexed = true;
        } catch (OfflineCorpora.CorpusMissingException missing) {
            return SourceAnswer.unavailable(SourceStatus.DISABLED, origin, reason + ", and " + missing.getMessage());
        }
        RankingQuery ranking = RankingQuery.of(request, companies.get().namesOf(request.symbols()));
        List<SearchResult> results = ResultFusion.distinct(corpus.search(ranking, request.limit() * 2).stream()
                .map(hit -> hit.document().toResult(name, request.query(), hit.score())).toList());
        return new SourceAnswer(SourceStatus.OFFLINE, origin, results.subList(0, Math.min(request.limit(), results.size())),
                reason + "; results come from the offline corpus (" + corpus.size() + " documents)");
    }
}
