package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineMarketDataTest {

    private static final OfflineMarketData DATA = OfflineMarketData.load();

    @Test
    void servesTheBundledRealHistory() {
        assertTrue(DATA.symbols().containsAll(List.of("AAPL", "MSFT", "SPY", "IBM", "KO", "GOOG", "JPM", "C")));
        List<DailyBar> aapl = DATA.history("AAPL").orElseThrow();
        assertEquals(LocalDate.of(1989, 12, 29), aapl.get(0).date(), "the longest series wins");
        DailyBar last = aapl.get(aapl.size() - 1);
        assertEquals(LocalDate.of(2018, 4, 11), last.date());
        assertEquals(172.440002, last.close(), 1e-9);
        List<DailyBar> ibm = DATA.history("IBM").orElseThrow();
        assertFalse(ibm.get(0).closeOnly(), "zipline bars carry OHLCV");
        assertTrue(ibm.get(0).volume() > 0);
        assertTrue(DATA.history("NOPE").isEmpty());
    }

    @Test
    void simulatedFeedOpensAtTheLastCloseAndIsReproducible() {
        List<DailyBar> aapl = DATA.history("AAPL").orElseThrow();
        double lastClose = aapl.get(aapl.size() - 1).close();
        Instant midnight = Instant.parse("2026-11-24T00:00:00Z");
        assertEquals(lastClose, SimulatedIntradayFeed.price("AAPL", aapl, midnight), 1e-9);
        Instant noon = Instant.parse("2026-11-24T12:00:00Z");
        double atNoon = SimulatedIntradayFeed.price("AAPL", aapl, noon);
        assertEquals(atNoon, SimulatedIntradayFeed.price("AAPL", aapl, noon), 0, "same instant, same price");
        assertNotEquals(lastClose, atNoon);
        assertTrue(Math.abs(Math.log(atNoon / lastClose)) < 0.25, "a plausible intraday move");
    }

    @Test
    void resamplesToWeeksAndMonths() {
        List<DailyBar> ibm = DATA.history("IBM").orElseThrow().subList(0, 42);
        List<DailyBar> monthly = Resampling.resample(ibm, "1mo");
        assertEquals(LocalDate.of(2012, 1, 31), monthly.get(0).date());
        DailyBar january = monthly.get(0);
        List<DailyBar> januaryDays = ibm.stream().filter(b -> b.date().getMonthValue() == 1).toList();
        assertEquals(januaryDays.get(0).open(), january.open(), 0);
        assertEquals(januaryDays.get(januaryDays.size() - 1).close(), january.close(), 0);
        assertEquals(januaryDays.stream().mapToDouble(DailyBar::high).max().orElseThrow(), january.high(), 0);
        assertEquals(januaryDays.stream().mapToLong(DailyBar::volume).sum(), january.volume());
        assertTrue(Resampling.resample(ibm, "1wk").size() >= 8);
    }
}
