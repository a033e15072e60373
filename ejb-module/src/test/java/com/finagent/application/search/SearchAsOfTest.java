package com.finagent.application.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search "as of" a day sees only documents dated before it: what a backtest's debate may know. */
class SearchAsOfTest {

    private static final LocalDate AS_OF = LocalDate.of(2015, 2, 10);

    private static SearchDocument doc(String key, String text, LocalDate date) {
        return new SearchDocument(key, "test", key, text, null, null, date, List.of("AAPL"), null, false);
    }

    private final CorpusIndex corpus = CorpusIndex.build(List.of(
            doc("before", "Apple iPhone sales beat estimates", AS_OF.minusDays(3)),
            doc("eve", "Apple iPhone sales steady", AS_OF.minusDays(1)),
            doc("same-day", "Apple iPhone sales collapse, shares plunge", AS_OF),
            doc("after", "Apple iPhone sales collapse, shares plunge again", AS_OF.plusDays(20)),
            doc("undated", "Apple iPhone sales collapse rumour", null)));

    @Test
    void aBoundedRankingFindsOnlyDocumentsDatedBeforeTheDay() {
        List<String> keys = corpus.search(new RankingQuery("iPhone sales collapse", List.of("AAPL"), List.of("apple"),
                AS_OF), 10).stream().map(hit -> hit.document().key()).toList();

        assertEquals(List.of("before", "eve"), keys.stream().sorted().toList(),
                "the same day, later days and undated documents are not known as of " + AS_OF);
        List<String> unbounded = corpus.search(new RankingQuery("iPhone sales collapse", List.of("AAPL"),
                List.of("apple")), 10).stream().map(hit -> hit.document().key()).toList();
        assertEquals(5, unbounded.size(), "without a bound every document is found");
    }

    @Test
    void theBoundHoldsForSourcesThatCannotFilterByDate() throws Exception {
        SearchResult late = new SearchResult("news", "remote", "late", "Apple shares plunge", null,
                AS_OF.plusDays(1), List.of("AAPL"), 1.0);
        SearchResult undated = new SearchResult("news", "remote", "undated", "Apple rumour", null, null, List.of("AAPL"), 0.9);
        SearchResult early = new SearchResult("news", "remote", "early", "Apple results", null, AS_OF.minusDays(1),
                List.of("AAPL"), 0.8);
        SearchSource remote = new SearchSource() {
            @Override
            public SourceName name() {
                return SourceName.NEWS;
            }

            @Override
            public SourceAnswer search(SearchRequest request) {
                return new SourceAnswer(SourceStatus.OK, "remote", List.of(late, undated, early), null);
            }
        };
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Supplier<SearchRequest> request = () -> SearchRequest.of("apple", List.of("AAPL"), List.of("news"), 10);
            SearchResponse bounded = new ParallelSearch(executor, name -> java.time.Duration.ofSeconds(5))
                    .run(request.get().before(AS_OF), Map.of(SourceName.NEWS, remote));
            SearchResponse open = new ParallelSearch(executor, name -> java.time.Duration.ofSeconds(5))
                    .run(request.get(), Map.of(SourceName.NEWS, remote));

            assertEquals(List.of("early"), bounded.results().stream().map(SearchResult::title).toList());
            assertEquals(3, open.results().size());
            assertTrue(request.get().before(AS_OF).admits(early));
        } finally {
            executor.shutdownNow();
        }
    }
}
