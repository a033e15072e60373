package com.finagent.application.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Ranking on the real offline corpora in ../shared/data (news headlines, StockTwits, tweets, EDGAR samples). */
class SearchOfflineCorporaTest {

    private static OfflineCorpora corpora;
    private static OfflineSource news;
    private static OfflineSource sec;
    private static OfflineSource social;

    @BeforeAll
    static void indexCorpora() {
        String shared = System.getProperty("finagent.shared.data");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "news")), "the shared data directory is not here");
        corpora = new OfflineCorpora(Path.of(shared));
        news = new OfflineSource(SourceName.NEWS, OfflineCorpora.NEWS_ORIGIN, "offline", corpora::news, corpora::companies);
        sec = new OfflineSource(SourceName.SEC, OfflineCorpora.SEC_ORIGIN, "offline", corpora::sec, corpora::companies);
        social = new OfflineSource(SourceName.SOCIAL, "social", "offline", corpora::social, corpora::companies);
        time("news", corpora::news);
        time("social", corpora::social);
        time("sec", corpora::sec);
    }

    private static void time(String name, Supplier<CorpusIndex> corpus) {
        long start = System.nanoTime();
        int size = corpus.get().size();
        System.out.printf(Locale.ROOT, "indexed %s: %d documents in %d ms%n", name, size, (System.nanoTime() - start) / 1_000_000);
    }

    private static SearchRequest request(String q, List<String> symbols, int limit) {
        return SearchRequest.of(q, symbols, List.of(), limit);
    }

    @Test
    void iphoneSalesWithAaplFindsAppleHeadlinesAboutIphoneSalesFirst() {
        SourceAnswer answer = news.search(request("iPhone sales", List.of("AAPL"), 10));

        assertEquals(SourceStatus.OFFLINE, answer.status());
        assertFalse(answer.results().isEmpty());
        SearchResult top = answer.results().get(0);
        String text = (top.title() + " " + top.snippet()).toLowerCase(Locale.ROOT);
        assertTrue(text.contains("iphone") && (text.contains("apple") || text.contains("aapl")), top::toString);
        assertTrue(text.contains("sale"), top::toString);
        for (SearchResult result : answer.results()) {
            String about = (result.snippet() + " " + result.symbols()).toLowerCase(Locale.ROOT);
            assertTrue(about.contains("apple") || about.contains("aapl"), "not about Apple: " + result);
            assertTrue(result.snippet().length() <= 201, result::snippet);
            assertEquals("news", result.source());
        }
    }

    @Test
    void theQueryAloneRanksByBm25AndLinksToTheHeadline() {
        SourceAnswer answer = news.search(request("oil prices OPEC", List.of(), 5));

        assertEquals(5, answer.results().size());
        SearchResult top = answer.results().get(0);
        String text = top.snippet().toLowerCase(Locale.ROOT);
        assertTrue(text.contains("oil") && text.contains("opec"), top::toString);
        assertTrue(top.url() == null || top.url().startsWith("https://t.co/"), top::url);
        assertFalse(top.snippet().contains("https://t.co/"), "links are shown as links, not in the snippet");
    }

    @Test
    void secSearchForTeslaReturnsItsFilingsFromTheSubmissionsFileNewestFirst() {
        SourceAnswer answer = sec.search(request("", List.of("TSLA"), 20));

        assertEquals(20, answer.results().size());
        for (SearchResult filing : answer.results()) {
            assertTrue(filing.title().startsWith("Tesla, Inc."), filing::title);
            assertTrue(filing.url().startsWith("https://www.sec.gov/Archives/edgar/data/1318605/"), filing::url);
            assertEquals(List.of("TSLA"), filing.symbols());
        }
        assertEquals("2022-11-30", answer.results().get(0).date().toString());
        for (int i = 1; i < answer.results().size(); i++) {
            assertFalse(answer.results().get(i).date().isAfter(answer.results().get(i - 1).date()), "newest first");
        }
    }

    @Test
    void secSearchFindsTheFormsAndEightKItemsAsked() {
        SourceAnswer quarterly = sec.search(request("quarterly report", List.of("TSLA"), 5));
        assertTrue(quarterly.results().get(0).title().contains("10-Q"), quarterly.results().get(0)::title);
        assertTrue(quarterly.results().get(0).url().endsWith(".htm"), quarterly.results().get(0)::url);

        SourceAnswer results = sec.search(request("results of operations", List.of("TSLA"), 5));
        SearchResult earnings = results.results().get(0);
        assertTrue(earnings.title().contains("8-K") && earnings.snippet().contains("Item 2.02"), earnings::toString);
    }

    @Test
    void secSearchInAppleFilingsShowsTheBestMatchingPassage() {
        SourceAnswer answer = sec.search(request("iPhone net sales Greater China", List.of("AAPL"), 5));

        SearchResult tenK = answer.results().get(0);
        assertTrue(tenK.title().startsWith("Apple Inc. · 10-K · 2024-11-01"), tenK::title);
        assertTrue(tenK.snippet().contains("Greater China") && tenK.snippet().contains("iPhone"), tenK::snippet);
        assertTrue(tenK.snippet().length() <= 201, tenK::snippet);
        assertTrue(tenK.url().startsWith("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000320193&type=10-K"), tenK::url);
        assertEquals(List.of("AAPL"), tenK.symbols());
        assertEquals(1, answer.results().stream().filter(r -> r.title().contains("10-K")).count(), "one result per filing");
    }

    @Test
    void theArchiveFolderListingIsAFilingOfItsCompany() {
        SourceAnswer answer = sec.search(request("", List.of("DATS"), 5));

        assertEquals(1, answer.results().size());
        SearchResult filing = answer.results().get(0);
        assertTrue(filing.title().startsWith("DatChat, Inc. · 8-K · filed 2024-01-19"), filing::title);
        assertEquals("https://www.sec.gov/Archives/edgar/data/1648960/000121390024004875/ea191807-8k_datchat.htm", filing.url());
    }

    @Test
    void socialFindsDatedTweetsWithTheirLinks() {
        SourceAnswer answer = social.search(request("earnings", List.of("FB"), 10));

        assertFalse(answer.results().isEmpty());
        SearchResult tweet = answer.results().stream().filter(r -> r.url() != null).findFirst().orElseThrow();
        assertTrue(tweet.url().matches("https://twitter\\.com/i/web/status/\\d+"), tweet::url);
        assertEquals(2015, tweet.date().getYear());
        assertTrue(tweet.symbols().contains("FB"));
    }

    @Test
    void socialFindsStockTwitsPostsByTicker() {
        SourceAnswer answer = social.search(request("", List.of("DKNG"), 10));

        assertEquals(10, answer.results().size());
        assertTrue(answer.results().stream().allMatch(r -> r.symbols().contains("DKNG")));
        assertTrue(answer.results().get(0).title().startsWith("StockTwits post ("), answer.results().get(0)::title);
        assertNull(answer.results().get(0).url(), "the 2020 posts carry no message id");
    }

    @Test
    void anUnknownTickerGivesEmptyResultsNotAnError() {
        for (OfflineSource source : List.of(news, sec, social)) {
            SourceAnswer answer = source.search(request("", List.of("ZZZZQ"), 10));
            assertEquals(SourceStatus.OFFLINE, answer.status());
            assertTrue(answer.results().isEmpty(), source.name() + " " + answer.results());
        }
        assertTrue(news.search(request("earnings", List.of("ZZZZQ"), 10)).results().isEmpty());
    }

    @Test
    void repeatedHeadlinesAndRetweetsAppearOnce() {
        SourceAnswer answer = social.search(request("", List.of("AAPL"), 100));
        List<String> texts = answer.results().stream().map(r -> ResultFusion.normalise(r.snippet())).toList();
        assertEquals(texts.size(), texts.stream().distinct().count(), "no two results with the same text");
    }

    @Test
    void aMissingDataDirectoryGivesAnEmptyMarkedAnswer(@TempDir Path empty) {
        OfflineCorpora nothing = new OfflineCorpora(empty.resolve("absent"));
        OfflineSource source = new OfflineSource(SourceName.NEWS, OfflineCorpora.NEWS_ORIGIN,
                "Polygon.io is not configured", nothing::news, nothing::companies);

        SourceAnswer answer = source.search(request("earnings", List.of(), 10));

        assertEquals(SourceStatus.DISABLED, answer.status());
        assertTrue(answer.results().isEmpty());
        assertTrue(answer.message().contains("news/news_headlines_tfn_topic.csv is missing"), answer::message);
        assertEquals(CompanyDirectory.EMPTY, nothing.companies());
    }

    @Test
    void aWholeSearchFusesTheOfflineSourcesKeepingEachResultsSource() {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            SearchResponse response = new ParallelSearch(executor, name -> Duration.ofSeconds(20)).run(
                    SearchRequest.of("iPhone sales", List.of("AAPL"), List.of("news", "sec", "social"), 12),
                    Map.of(SourceName.NEWS, news, SourceName.SEC, sec, SourceName.SOCIAL, social));

            assertEquals(List.of("news", "sec", "social"), response.sources().stream().map(SourceReport::source).toList());
            assertTrue(response.sources().stream().allMatch(r -> r.status() == SourceStatus.OFFLINE && !r.partial()));
            assertFalse(response.partial());
            assertEquals(12, response.results().size());
            assertEquals(Set.of("news", "sec", "social"),
                    response.results().stream().limit(3).map(SearchResult::source).collect(Collectors.toSet()));
            for (int i = 1; i < response.results().size(); i++) {
                assertTrue(response.results().get(i).score() <= response.results().get(i - 1).score());
            }
            assertTrue(response.results().stream().allMatch(r -> r.symbols().contains("AAPL")
                    || (r.title() + r.snippet()).toLowerCase(Locale.ROOT).contains("apple")), response.results()::toString);
        } finally {
            executor.shutdownNow();
        }
    }
}
