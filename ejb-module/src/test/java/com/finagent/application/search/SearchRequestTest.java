package com.finagent.application.search;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation of a search's input, with the HTTP API's field names in the messages. */
class SearchRequestTest {

    private static String problem(String q, List<String> symbols, List<String> sources, Integer limit) {
        return assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(q, symbols, sources, limit)).getMessage();
    }

    @Test
    void defaultsAndNormalisation() {
        SearchRequest request = SearchRequest.of("  iPhone sales ", Arrays.asList(" aapl", "MSFT", "aapl", "", null), null, null);

        assertEquals("iPhone sales", request.query());
        assertEquals(List.of("AAPL", "MSFT"), request.symbols());
        assertEquals(List.of(SourceName.values()), request.sources());
        assertEquals(20, request.limit());
        assertEquals(List.of(SourceName.SEC, SourceName.NEWS),
                SearchRequest.of("", List.of("TSLA"), List.of("SEC", " news", "sec"), 5).sources());
    }

    @Test
    void invalidInputNamesTheField() {
        assertTrue(problem(" ", List.of(), List.of(), 10).startsWith("q: "));
        assertTrue(problem("x", List.of("AA PL"), List.of(), 10).startsWith("symbols: "));
        assertTrue(problem("x", List.of(), List.of("news", "blogs", "tv"), 10).startsWith("sources: unknown source blogs, tv"));
        assertTrue(problem("x", List.of(), List.of(), 0).startsWith("limit: "));
        assertTrue(problem("x", List.of(), List.of(), 101).startsWith("limit: "));
        assertTrue(problem("x".repeat(501), List.of(), List.of(), 10).startsWith("q: "));
        assertTrue(problem("x", List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"), List.of(), 10).startsWith("symbols: "));
    }
}
