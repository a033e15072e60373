package com.finagent.application.search;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.Quote;
import com.finagent.application.market.provider.DailyBar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Market data as search results: the quote and a one-year summary per symbol, naming the source. */
class SearchMarketSourceTest {

    private static MarketSource.MarketLookup market(boolean simulated) {
        return new MarketSource.MarketLookup() {
            @Override
            public Quote quote(String symbol) {
                if (!symbol.equals("AAPL")) {
                    throw new FinAgentException(ErrorType.NOT_FOUND, "No market data for " + symbol);
                }
                return new Quote("AAPL", 110, 100.0, LocalDate.of(2024, 6, 3), 10.0, 10.0,
                        Instant.parse("2024-06-04T15:00:00Z"), simulated ? "offline feed" : "Polygon.io", simulated, false);
            }

            @Override
            public PriceSeries dailyHistory(String symbol) {
                List<DailyBar> bars = new ArrayList<>();
                LocalDate day = LocalDate.of(2023, 1, 2);
                for (int i = 0; i < 600; i++) {
                    double close = i < 200 ? 50 : 80 + (i % 2) * 20;
                    bars.add(new DailyBar(day.plusDays(i), close, close, close, close, 1000, false));
                }
                return new PriceSeries(symbol, "1d", "Polygon.io", false, bars);
            }
        };
    }

    @Test
    void eachSymbolIsAResultWithItsQuoteAndYear() {
        SourceAnswer answer = new MarketSource(market(false)).search(SearchRequest.of("", List.of("AAPL", "ZZZZ"), List.of(), 10));

        assertEquals(SourceStatus.OK, answer.status());
        assertEquals(1, answer.results().size());
        SearchResult aapl = answer.results().get(0);
        assertEquals("market", aapl.source());
        assertEquals("AAPL 110.00 +10.00%", aapl.title());
        assertTrue(aapl.snippet().startsWith("Last price 110.00 (+10.00% on the previous close 100.00 of 2024-06-03)."), aapl.snippet());
        assertTrue(aapl.snippet().contains("closes 80.00 to 100.00") && aapl.snippet().contains("Source: Polygon.io."), aapl.snippet());
        assertEquals("Polygon.io", aapl.origin());
        assertEquals(LocalDate.of(2024, 6, 4), aapl.date());
        assertEquals("No market data for ZZZZ", answer.message());
    }

    @Test
    void simulatedPricesAreMarkedOfflineAndNoSymbolsGiveNothing() {
        assertEquals(SourceStatus.OFFLINE, new MarketSource(market(true)).search(SearchRequest.of("", List.of("AAPL"), List.of(), 10)).status());

        SourceAnswer none = new MarketSource(market(false)).search(SearchRequest.of("iPhone", List.of(), List.of(), 10));
        assertEquals(SourceStatus.OK, none.status());
        assertTrue(none.results().isEmpty());
        assertNull(none.origin());
    }
}
