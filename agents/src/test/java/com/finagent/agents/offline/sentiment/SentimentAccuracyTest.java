package com.finagent.agents.offline.sentiment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accuracy of the bundled model on data it was not trained or tuned on. The floors sit a little below what the
 * bundled model reaches (valid split: accuracy 0.838, macro-F1 0.788; news check set: accuracy 0.947), so a worse
 * retrained model fails here. The news floor is above the 0.85 goal: the blend alone is worth about eight points
 * there, and losing it must show.
 */
class SentimentAccuracyTest {

    private static final OfflineSentimentModel MODEL = OfflineSentimentModel.bundled();

    @Test
    void heldOutTweets() throws IOException {
        Path valid = SentimentData.sharedData().resolve(SentimentData.TWEETS_VALID);
        assertTrue(Files.isRegularFile(valid), "The valid split is expected at " + valid);
        List<SentimentData.Example> examples = SentimentData.tweets(valid);
        assertEquals(2388, examples.size());
        Evaluation e = Evaluation.of(MODEL, examples);
        assertTrue(e.accuracy() >= 0.825, e.summary() + "\n" + e.confusionTable());
        assertTrue(e.macroF1() >= 0.775, e.summary() + "\n" + e.confusionTable());
    }

    @Test
    void newsStyleCheckSet() {
        List<SentimentData.Example> examples = SentimentData.news(SentimentData.NEWS_CHECK);
        assertEquals(150, examples.size());
        Evaluation e = Evaluation.of(MODEL, examples);
        assertTrue(e.accuracy() >= 0.90, e.summary() + "\n" + e.confusionTable());
        assertTrue(e.macroF1() >= 0.90, e.summary() + "\n" + e.confusionTable());
    }
}
