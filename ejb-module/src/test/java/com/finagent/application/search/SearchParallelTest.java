package com.finagent.application.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-source deadlines on a plain executor: a slow or failing source makes the answer partial, not an error. */
class SearchParallelTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static SearchSource source(SourceName name, long sleepMillis, RuntimeException failure, String... urls) {
        return new SearchSource() {
            @Override
            public SourceName name() {
                return name;
            }

            @Override
            public SourceAnswer search(SearchRequest request) {
                if (sleepMillis > 0) {
                    try {
                        Thread.sleep(sleepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return new SourceAnswer(SourceStatus.OK, name.id() + " service", Arrays.stream(urls)
                        .map(u -> new SearchResult(name.id(), "o", u, u + " text", u, null, List.of(), 1)).toList(), null);
            }
        };
    }

    @Test
    void aSourcePastItsTimeoutIsReportedAndTheOthersAnswer() {
        ParallelSearch search = new ParallelSearch(executor, name -> Duration.ofMillis(name == SourceName.SOCIAL ? 300 : 2000));
        Map<SourceName, SearchSource> sources = Map.of(
                SourceName.NEWS, source(SourceName.NEWS, 50, null, "n1", "n2"),
                SourceName.SOCIAL, source(SourceName.SOCIAL, 5000, null, "s1"),
                SourceName.SEC, source(SourceName.SEC, 0, null, "f1"));

        long start = System.nanoTime();
        SearchResponse response = search.run(SearchRequest.of("q", List.of(), List.of("news", "social", "sec"), 10), sources);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 1500, "waited " + millis + " ms: the slow source must not hold up the search");
        assertTrue(response.partial());
        SourceReport social = response.sources().get(1);
        assertEquals("social", social.source());
        assertEquals(SourceStatus.TIMEOUT, social.status());
        assertTrue(social.partial());
        assertEquals("no answer within 300 ms", social.message());
        assertTrue(social.millis() >= 300, "timed " + social.millis());
        assertEquals(SourceStatus.OK, response.sources().get(0).status());
        assertEquals(2, response.sources().get(0).results());
        assertEquals(List.of("n1", "f1", "n2"), response.results().stream().map(SearchResult::url).toList());
    }

    @Test
    void aFailingSourceIsReportedWithoutItsInternals() {
        ParallelSearch search = new ParallelSearch(executor, name -> Duration.ofSeconds(2));
        Map<SourceName, SearchSource> sources = Map.of(
                SourceName.NEWS, source(SourceName.NEWS, 0, new SourceUnavailableException("Polygon.io", "Polygon.io answered HTTP 503", false, null)),
                SourceName.SEC, source(SourceName.SEC, 0, new IllegalStateException("secret internal detail")),
                SourceName.MARKET, source(SourceName.MARKET, 0, null, "m1"));

        SearchResponse response = search.run(SearchRequest.of("", List.of("AAPL"), List.of("news", "sec", "market"), 10), sources);

        assertEquals(SourceStatus.FAILED, response.sources().get(0).status());
        assertEquals("Polygon.io answered HTTP 503", response.sources().get(0).message());
        assertEquals("Polygon.io", response.sources().get(0).origin());
        assertEquals(SourceStatus.FAILED, response.sources().get(1).status());
        assertFalse(response.sources().get(1).message().contains("secret"));
        assertEquals(List.of("m1"), response.results().stream().map(SearchResult::url).toList());
        assertTrue(response.partial());
    }

    @Test
    void aClientTimeoutIsATimeoutAndAMissingSourceIsDisabled() {
        ParallelSearch search = new ParallelSearch(executor, name -> Duration.ofSeconds(2));
        Map<SourceName, SearchSource> sources = Map.of(SourceName.SOCIAL,
                source(SourceName.SOCIAL, 0, new SourceUnavailableException("StockTwits", "StockTwits did not answer in time", true, null)));

        SearchResponse response = search.run(SearchRequest.of("x", List.of(), List.of("social", "news"), 5), sources);

        assertEquals(SourceStatus.TIMEOUT, response.sources().get(0).status());
        assertEquals(SourceStatus.DISABLED, response.sources().get(1).status());
        assertTrue(response.results().isEmpty());
    }

    @Test
    void sourcesRunAtTheSameTime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ParallelSearch search = new ParallelSearch(executor, name -> Duration.ofSeconds(3));
        Map<SourceName, SearchSource> sources = new EnumMap<>(SourceName.class);
        for (SourceName name : SourceName.values()) {
            sources.put(name, new SearchSource() {
                @Override
                public SourceName name() {
                    return name;
                }

                @Override
                public SourceAnswer search(SearchRequest request) {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return new SourceAnswer(SourceStatus.OK, null, List.of(), null);
                }
            });
        }

        long start = System.nanoTime();
        SearchResponse response = search.run(SearchRequest.of("x", List.of(), List.of(), 5), sources);

        assertEquals(4, most.get());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000);
        assertFalse(response.partial());
        assertEquals(List.of("news", "sec", "social", "market"), response.sources().stream().map(SourceReport::source).toList());
    }

    @Test
    void aRejectingExecutorFailsTheSourcesNotTheSearch() {
        ParallelSearch search = new ParallelSearch(task -> {
            throw new RejectedExecutionException("full");
        }, name -> Duration.ofSeconds(1));

        SearchResponse response = search.run(SearchRequest.of("x", List.of(), List.of("news"), 5),
                Map.of(SourceName.NEWS, source(SourceName.NEWS, 0, null, "n1")));

        assertEquals(SourceStatus.FAILED, response.sources().get(0).status());
        assertTrue(response.partial());
    }

    @Test
    void anOfflineCorpusStillBeingIndexedSaysSoWhenLate() {
        ParallelSearch search = new ParallelSearch(executor, name -> Duration.ofMillis(100));
        OfflineSource slowIndex = new OfflineSource(SourceName.NEWS, "corpus", "offline", () -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CorpusIndex.build(List.of());
        }, () -> CompanyDirectory.EMPTY);

        SearchResponse response = search.run(SearchRequest.of("x", List.of(), List.of("news"), 5), Map.of(SourceName.NEWS, slowIndex));

        assertEquals(SourceStatus.TIMEOUT, response.sources().get(0).status());
        assertTrue(response.sources().get(0).message().contains("indexed on first use"), response.sources().get(0).message());
    }
}
