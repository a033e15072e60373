package com.finagent.application.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** De-duplication of near-identical results and reciprocal rank fusion of the sources' lists. */
class SearchFusionTest {

    private static SearchResult post(String source, String text, String url) {
        return new SearchResult(source, "test", "title", text, url, null, List.of(), 0);
    }

    @Test
    void aRetweetAndItsOriginalAreOneResult() {
        List<SearchResult> distinct = ResultFusion.distinct(List.of(
                post("social", "Apple iPhone sales strong in China, says analyst $AAPL http://t.co/abc", "https://twitter.com/i/web/status/1"),
                post("social", "RT @trader: Apple iPhone sales strong in China, says analyst $AAPL http://t.co/xyz", "https://twitter.com/i/web/status/2"),
                post("social", "APPLE iPhone sales strong in China — says analyst!! $AAPL", null)));

        assertEquals(1, distinct.size());
        assertEquals("https://twitter.com/i/web/status/1", distinct.get(0).url(), "the first (best ranked) is kept");
    }

    @Test
    void nearlyIdenticalPostsAreOneResultButDifferentOnesStay() {
        List<SearchResult> distinct = ResultFusion.distinct(List.of(
                post("social", "Tesla Gigafactory: new photos show progress on battery plant in Nevada $TSLA $AAPL $LIT", "u1"),
                post("social", "“@kirillklip: Tesla Gigafactory: New Photos Show Progress On Battery Plant In Nevada. $TSLA $AAPL $LIT $GM”", "u2"),
                post("social", "Tesla battery plant in Nevada is behind schedule, photos show $TSLA", "u3")));

        assertEquals(List.of("u1", "u3"), distinct.stream().map(SearchResult::url).toList());
    }

    @Test
    void theSameLinkIsOneResultWhateverItsText() {
        List<SearchResult> distinct = ResultFusion.distinct(List.of(
                post("news", "Apple beats estimates", "https://www.example.com/apple-q4/"),
                post("news", "Apple's quarter: a beat on revenue and margins", "http://example.com/apple-q4")));

        assertEquals(1, distinct.size());
    }

    @Test
    void filingsThatDifferOnlyInDateAreNotMerged() {
        List<SearchResult> distinct = ResultFusion.distinct(List.of(
                new SearchResult("sec", "t", "Tesla · 4", "Form 4, statement of changes in beneficial ownership, for 2022-11-08.", "a", LocalDate.of(2022, 11, 8), List.of("TSLA"), 0),
                new SearchResult("sec", "t", "Tesla · 4", "Form 4, statement of changes in beneficial ownership, for 2022-11-07.", "b", LocalDate.of(2022, 11, 8), List.of("TSLA"), 0)));

        assertEquals(2, distinct.size());
    }

    @Test
    void reciprocalRankFusionInterleavesSourcesAndRewardsAgreement() {
        List<SearchResult> news = List.of(post("news", "one", "n1"), post("news", "two", "shared"), post("news", "three", "n3"));
        List<SearchResult> social = List.of(post("social", "alpha", "s1"), post("social", "beta", "shared"));

        List<SearchResult> fused = ResultFusion.fuse(List.of(news, social), 10);

        // "shared" is second in both lists: 2/62 beats 1/61.
        assertEquals(List.of("shared", "n1", "s1", "n3"), fused.stream().map(SearchResult::url).toList());
        assertEquals("news", fused.get(0).source(), "a result found twice keeps its first source");
        assertEquals(Math.round(2.0 / 62 * 1e6) / 1e6, fused.get(0).score());
        assertTrue(fused.get(1).score() > fused.get(3).score());
        assertEquals(2, ResultFusion.fuse(List.of(news, social), 2).size());
    }
}
