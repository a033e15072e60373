package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training path on a small slice of the data: deterministic, and the file format round-trips. */
class SentimentTrainerTest {

    private static final ClassifierFit.Settings QUICK = new ClassifierFit.Settings(2, 1e-5, 60);

    @Test
    void trainingTwiceGivesTheSameFileAndTheFileReadsBack() throws IOException {
        List<SentimentData.Example> tweets = SentimentData.tweets(
                SentimentData.sharedData().resolve(SentimentData.TWEETS_TRAIN)).subList(0, 1500);
        List<SentimentData.Example> surge = SentimentData.surge(
                SentimentData.sharedData().resolve(SentimentData.SURGE)).subList(0, 100);
        ModelFile.Blend blend = new ModelFile.Blend(1.0, 2.0, 0.3, 2.0, 1.0);

        String first = write(ClassifierFit.fit(SentimentTrainer.weighted(tweets, surge, -1), QUICK), blend);
        String second = write(ClassifierFit.fit(SentimentTrainer.weighted(tweets, surge, -1), QUICK), blend);
        assertEquals(first, second);

        LinearClassifier trained = ClassifierFit.fit(SentimentTrainer.weighted(tweets, surge, -1), QUICK);
        ModelFile.Contents read = ModelFile.read(new BufferedReader(new StringReader(first)));
        assertEquals(blend, read.blend());
        assertTrue(read.classifier().features() > 500);
        for (SentimentData.Example e : tweets.subList(0, 200)) {
            double[] expected = OfflineSentimentModel.softmax(trained.logits(ClassifierFit.terms(e.text())));
            double[] actual = OfflineSentimentModel.softmax(read.classifier().logits(ClassifierFit.terms(e.text())));
            assertArrayEquals(expected, actual, 0.01, e.text());
        }
    }

    @Test
    void aTrainedClassifierLearnsTheObviousWords() {
        List<SentimentData.Example> examples = List.of(
                new SentimentData.Example("shares soar after results", SentimentLabel.POSITIVE),
                new SentimentData.Example("stock soars on upgrade", SentimentLabel.POSITIVE),
                new SentimentData.Example("shares plunge after warning", SentimentLabel.NEGATIVE),
                new SentimentData.Example("stock plunges on downgrade", SentimentLabel.NEGATIVE),
                new SentimentData.Example("company to present at conference", SentimentLabel.NEUTRAL),
                new SentimentData.Example("company announces conference call", SentimentLabel.NEUTRAL));
        LinearClassifier c = ClassifierFit.fit(
                examples.stream().map(e -> new ClassifierFit.Weighted(e, 1.0)).toList(),
                new ClassifierFit.Settings(2, 1e-3, 200));
        double[] up = c.logits(ClassifierFit.terms("Shares soar"));
        double[] down = c.logits(ClassifierFit.terms("Shares plunge"));
        assertTrue(up[SentimentLabel.POSITIVE.ordinal()] > up[SentimentLabel.NEGATIVE.ordinal()]);
        assertTrue(down[SentimentLabel.NEGATIVE.ordinal()] > down[SentimentLabel.POSITIVE.ordinal()]);
        assertArrayEquals(up, c.logits(ClassifierFit.terms("Shares soar")));
    }

    private static String write(LinearClassifier classifier, ModelFile.Blend blend) throws IOException {
        StringWriter out = new StringWriter();
        ModelFile.write(out, blend, classifier, "test");
        return out.toString();
    }
}
