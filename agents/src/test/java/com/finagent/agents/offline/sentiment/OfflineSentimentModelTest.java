package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;
import com.finagent.agents.sentiment.SentimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineSentimentModelTest {

    private static final OfflineSentimentModel MODEL = OfflineSentimentModel.bundled();

    @Test
    void loadsTheBundledModelInUnderASecond() throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try (InputStream in = OfflineSentimentModel.class.getResourceAsStream(OfflineSentimentModel.RESOURCE)) {
                OfflineSentimentModel.load(in);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 1_000_000_000L, "load took " + best / 1_000_000 + " ms");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t ", "$AAPL https://t.co/abc @someone"})
    void nothingToReadIsNeutralWithZeroConfidence(String text) {
        SentimentResult r = MODEL.score(text);
        assertEquals(SentimentLabel.NEUTRAL, r.label());
        assertEquals(0.0, r.confidence());
        assertEquals(0.0, r.score());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSITIVE | Operating loss narrowed to EUR 0.9 mn from EUR 2.1 mn.
            NEGATIVE | Operating loss widened to EUR 2.1 mn from EUR 0.9 mn.
            POSITIVE | The group's net loss narrowed in the second quarter.
            NEGATIVE | Pre-tax loss increased to EUR 6.8 mn.
            POSITIVE | Raw material costs decreased clearly during the period.
            NEGATIVE | Raw material costs increased clearly during the period.
            POSITIVE | The company expects cost savings of EUR 4 mn a year.
            NEGATIVE | The company will cut 120 jobs at its Oulu site.
            NEGATIVE | The company has started co-operation negotiations concerning its entire staff.
            POSITIVE | Net sales rose to EUR 58.3 mn from EUR 51.0 mn.
            NEGATIVE | The company 's net sales decreased by 5 % to EUR 40.2 mn .
            POSITIVE | The company swung to an operating profit of EUR 1.1 mn from a loss of EUR 0.4 mn.
            NEGATIVE | Operating result turned to a loss of EUR 1.0 mn, compared with a profit of EUR 2.0 mn.
            POSITIVE | Net sales grew to EUR 1.1 bn from EUR 980 mn.
            NEGATIVE | Net sales fell to EUR 980 mn from EUR 1.1 bn.
            NEGATIVE | The company issued a profit warning on Friday.
            POSITIVE | S&P raised its credit rating on the company to BBB+.
            NEGATIVE | The company recorded a write-down of EUR 12 mn on its Polish unit, and its operating loss widened.
            NEUTRAL  | The contract includes delivery of 20 cranes.
            NEUTRAL  | The company has about 900 employees in five countries.
            NEUTRAL  | The annual general meeting will be held in Helsinki on 3 April.
            """)
    void readsFinancialNews(SentimentLabel expected, String text) {
        assertEquals(expected, MODEL.score(text).label(), text);
    }

    @Test
    void theNumbersDecideTheDirectionOfAComparison() {
        SentimentResult up = MODEL.score("Operating profit was EUR 5.1 mn, compared with EUR 3.2 mn a year earlier.");
        SentimentResult down = MODEL.score("Operating profit was EUR 3.2 mn, compared with EUR 5.1 mn a year earlier.");
        assertEquals(SentimentLabel.POSITIVE, up.label());
        assertEquals(SentimentLabel.NEGATIVE, down.label());
    }

    @Test
    void costSavingsAreGoodNewsWhereCostsAreNot() {
        double savings = MODEL.score("The programme brought cost savings of EUR 4 mn.").score();
        double costs = MODEL.score("The programme brought costs of EUR 4 mn.").score();
        assertTrue(savings > 0 && savings > costs + 0.2, savings + " vs " + costs);
    }

    @Test
    void negationFlipsTheDirection() {
        assertEquals(SentimentLabel.POSITIVE, MODEL.score("The company's profitability improved.").label());
        assertEquals(SentimentLabel.NEGATIVE, MODEL.score("The company's profitability did not improve.").label());
        assertEquals(SentimentLabel.POSITIVE, MODEL.score("Net sales increased in the quarter.").label());
        assertNotEquals(SentimentLabel.POSITIVE, MODEL.score("Net sales have not increased in the quarter.").label());
    }

    @Test
    void yearsDatesAndCeilingsAreNotDirections() {
        assertTrue(evidence("The programme runs from 2024 to 2026.").isEmpty());
        assertTrue(evidence("The offer period runs from 3 September to 24 September.").isEmpty());
        assertTrue(evidence("The order is worth up to EUR 5 mn.").isEmpty());
        assertTrue(evidence("The chief executive will step down in May.").isEmpty());
        assertTrue(evidence("The value of the deal was not disclosed.").isEmpty());
    }

    @Test
    void scoresStayInRangeAndTheirSignAgreesWithTheLabel() {
        List<String> texts = new ArrayList<>();
        SentimentData.news(SentimentData.NEWS_CHECK).forEach(e -> texts.add(e.text()));
        SentimentData.news(SentimentData.NEWS_DEV).forEach(e -> texts.add(e.text()));
        for (String text : texts) {
            SentimentResult r = MODEL.score(text);
            assertTrue(r.score() >= -1 && r.score() <= 1, text);
            assertTrue(r.confidence() > 0 && r.confidence() <= 1, text);
            switch (r.label()) {
                case POSITIVE -> assertTrue(r.score() > 0, text);
                case NEGATIVE -> assertTrue(r.score() < 0, text);
                case NEUTRAL -> assertTrue(r.confidence() >= 1.0 / 3, text);
            }
        }
    }

    @Test
    void resultsAreDeterministicAndTheModelIsSafeToShare() throws Exception {
        List<String> texts = new ArrayList<>();
        SentimentData.news(SentimentData.NEWS_CHECK).forEach(e -> texts.add(e.text()));
        List<SentimentResult> first = MODEL.scoreAll(texts);
        assertEquals(texts.size(), first.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(first.get(i), MODEL.score(texts.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SentimentResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> MODEL.scoreAll(texts)));
            }
            for (Future<List<SentimentResult>> run : runs) {
                assertEquals(first, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (InputStream in = OfflineSentimentModel.class.getResourceAsStream(OfflineSentimentModel.RESOURCE)) {
            assertEquals(first, OfflineSentimentModel.load(in).scoreAll(texts));
        }
    }

    @Test
    void theBundledModelHoldsVocabularyNotText() throws IOException {
        try (InputStream in = OfflineSentimentModel.class.getResourceAsStream(OfflineSentimentModel.RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int features = 0;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("param ") || line.startsWith("bias ")
                        || line.startsWith(ModelFile.HEADER)) {
                    continue;
                }
                String term = line.substring(0, line.indexOf('\t'));
                assertTrue(term.split(" ").length <= 2, "more than a word pair: " + term);
                assertTrue(!term.contains("http") && !term.contains("@"), term);
                features++;
            }
            assertTrue(features > 5_000, "features: " + features);
        }
    }

    private static FinanceRules.Evidence evidence(String text) {
        return FinanceRules.analyse(TextLexer.tokenize(text));
    }
}
