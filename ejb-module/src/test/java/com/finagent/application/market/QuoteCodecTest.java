package com.finagent.application.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteCodecTest {

    @Test
    void roundTripsAndMarksTheCopyAsCached() {
        Quote quote = new Quote("BRK.B", 412.125, 410.0, LocalDate.of(2024, 1, 4), 2.125, 0.518, Instant.ofEpochMilli(1_704_400_000_123L),
                "Polygon.io", false, false);
        Quote decoded = QuoteCodec.decode(QuoteCodec.encode(quote));
        assertEquals(new Quote("BRK.B", 412.125, 410.0, LocalDate.of(2024, 1, 4), 2.125, 0.518,
                Instant.ofEpochMilli(1_704_400_000_123L), "Polygon.io", false, true), decoded);
    }

    @Test
    void keepsAbsentFieldsAbsent() {
        Quote quote = new Quote("X", 1.5, null, null, null, null, Instant.EPOCH, "offline simulated intraday feed (continues)",
                true, false);
        Quote decoded = QuoteCodec.decode(QuoteCodec.encode(quote));
        assertEquals(null, decoded.previousClose());
        assertEquals(null, decoded.previousCloseDate());
        assertTrue(decoded.simulated() && decoded.cached());
    }
}
