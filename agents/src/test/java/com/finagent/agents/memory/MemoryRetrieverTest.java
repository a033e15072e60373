package com.finagent.agents.memory;

import com.finagent.agents.offline.memory.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.finagent.agents.memory.SampleMemories.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryRetrieverTest {

    private final MemoryRetriever retriever = new MemoryRetriever(new HashingEmbedder());

    @Test
    void theRelevantMemoryRanksFirst() {
        assertEquals(NVDA, first("Is NVDA a good buy right now?"));
        assertEquals(AAPL, first("Should I sell some of my AAPL shares?"));
        assertEquals(DIVIDENDS, first("Which stocks pay a good dividend yield?"));
        assertEquals(CRYPTO, first("Should I put money into bitcoin?"));
        assertEquals(TOBACCO, first("What do you think of Altria, the tobacco company?"));
        assertEquals(RISK, first("How risky is this stock for me?"));
        assertEquals(HORIZON, first("Am I on track to retire comfortably?"));
    }

    @Test
    void riskToleranceAndHorizonAreAlwaysSelected() {
        List<Memory> chosen = retriever.select("Is NVDA a good buy right now?", ALL, 2);
        assertEquals(NVDA, chosen.get(0));
        assertTrue(chosen.containsAll(List.of(RISK, HORIZON)), chosen.toString());
        assertFalse(chosen.contains(NURSE), "unrelated memories stay out: " + chosen);
        assertFalse(chosen.contains(TOBACCO), chosen.toString());
        assertEquals(List.of(RISK.text(), HORIZON.text()), retriever.selectTexts("Hello there", ALL));
    }

    @Test
    void hashingEmbeddingsAreDeterministicUnitVectors() {
        HashingEmbedder embedder = new HashingEmbedder();
        float[] a = embedder.embed("The user has a low risk tolerance.");
        assertEquals(Embedder.DIMENSIONS, a.length);
        assertArrayEquals(a, new HashingEmbedder().embed("The user has a low risk tolerance."));
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
        assertEquals(0, Embedder.cosine(a, embedder.embed("")));
        assertTrue(Embedder.cosine(embedder.embed("risky"), embedder.embed("risk tolerance"))
                > Embedder.cosine(embedder.embed("risky"), embedder.embed("dividend stocks")));
    }

    /** The server's rows with stored vectors of another embedder, e.g. MiniLM. */
    private record Row(long id, Memory memory, float[] embedding) {
    }

    @Test
    void storedVectorsOfAPluggedEmbedderAreUsed() {
        Embedder axes = new Embedder() {
            @Override
            public float[] embed(String text) {
                float[] v = new float[DIMENSIONS];
                v[text.toLowerCase().contains("chip") ? 0 : 1] = 1;
                return v;
            }

            @Override
            public String id() {
                return "test-axes";
            }

            @Override
            public double minRelatedScore() {
                return 0.5;
            }
        };
        float[] chips = axes.embed("chip");
        Map<Long, float[]> stored = Map.of(1L, axes.embed("other"), 2L, chips);
        List<Row> rows = List.of(new Row(1, DIVIDENDS, stored.get(1L)), new Row(2, NVDA, stored.get(2L)));
        List<RankedMemory<Row>> ranked = new MemoryRetriever(axes).select("Which chip makers look good?", rows,
                Row::memory, Row::embedding, 1);
        assertEquals(1, ranked.size());
        assertEquals(2L, ranked.get(0).item().id());
        assertEquals(1.0, ranked.get(0).score(), 1e-9);
    }

    private Memory first(String message) {
        return retriever.rank(message, ALL).get(0).memory();
    }
}
