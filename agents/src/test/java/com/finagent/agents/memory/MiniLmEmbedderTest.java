package com.finagent.agents.memory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.finagent.agents.memory.SampleMemories.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real all-MiniLM-L6-v2 model, loaded once for the class (about a second). */
class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /** Each text shares no content word with the related sentence and one with the unrelated sentence. */
    @Test
    void meaningOutweighsSharedWords() {
        String[][] triples = {
                {"I can't stand losing money", "I am a cautious, conservative investor", "Money market funds pay interest"},
                {"I don't want to gamble with my money", "I have a low risk tolerance", "I want to make more money"},
                {"The stock plummeted after earnings", "Shares fell sharply", "The stock market opens at 9:30"},
                {"The company's profits collapsed", "Earnings dropped steeply", "The company hired a new chief executive"},
        };
        for (String[] triple : triples) {
            String text = triple[0];
            String related = triple[1];
            String sharesAWord = triple[2];
            assertTrue(similarity(embedder, text, related) > similarity(embedder, text, sharesAWord) + 0.05,
                    "\"" + text + "\" is nearer \"" + related + "\" than \"" + sharesAWord + "\"");
        }
    }

    @Test
    void vectorsAreDeterministicUnitVectorsAndBlankTextIsZero() {
        float[] vector = embedder.embed("The user has a low risk tolerance.");
        assertEquals(Embedder.DIMENSIONS, vector.length);
        assertArrayEquals(vector, embedder.embed("The user has a low risk tolerance."));
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-4);
        assertArrayEquals(new float[Embedder.DIMENSIONS], embedder.embed("  "));
        assertEquals(0, Embedder.cosine(vector, embedder.embed("")));
    }

    @Test
    void theRetrieverFindsTheMemoryAMessageIsAbout() {
        MemoryRetriever retriever = new MemoryRetriever(embedder);
        assertEquals(NVDA, first(retriever, "Is NVDA a good buy right now?"));
        assertEquals(AAPL, first(retriever, "Should I sell some of my AAPL shares?"));
        assertEquals(DIVIDENDS, first(retriever, "Which stocks pay a good dividend yield?"));
        assertEquals(CRYPTO, first(retriever, "Should I put money into bitcoin?"));
        assertEquals(TOBACCO, first(retriever, "What do you think of Altria, the tobacco company?"));
        assertEquals(HORIZON, first(retriever, "Am I on track to retire comfortably?"));

        List<Memory> chosen = retriever.select("Is NVDA a good buy right now?", ALL, 2);
        assertEquals(NVDA, chosen.get(0));
        assertTrue(chosen.containsAll(List.of(RISK, HORIZON)), chosen.toString());
        assertFalse(chosen.contains(NURSE), "unrelated memories stay out: " + chosen);
        assertFalse(chosen.contains(TOBACCO), chosen.toString());
        assertEquals(List.of(RISK.text(), HORIZON.text()), retriever.selectTexts("Hello there", ALL));
    }

    private static Memory first(MemoryRetriever retriever, String message) {
        return retriever.rank(message, ALL).get(0).memory();
    }

    private static double similarity(Embedder embedder, String a, String b) {
        return Embedder.cosine(embedder.embed(a), embedder.embed(b));
    }
}
