package com.finagent.agents.offline.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports the bundled (or a given) model on the held-out valid split of the zeroshot tweets, the hand-written news
 * check set and the news development set, then measures load time and throughput.
 *
 * Usage: {@code SentimentBench <shared data dir> [model file]}
 */
public final class SentimentBench {

    private SentimentBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SentimentBench <shared data dir> [model file]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        long t0 = System.nanoTime();
        OfflineSentimentModel model;
        try (InputStream in = args.length > 1 ? Files.newInputStream(Path.of(args[1]))
                : OfflineSentimentModel.class.getResourceAsStream(OfflineSentimentModel.RESOURCE)) {
            model = OfflineSentimentModel.load(in);
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;

        List<SentimentData.Example> valid = SentimentData.tweets(data.resolve(SentimentData.TWEETS_VALID));
        report("Held-out valid split (zeroshot twitter-financial-news-sentiment)", Evaluation.of(model, valid), true);
        report("News-style check set (hand-written, never tuned on)",
                Evaluation.of(model, SentimentData.news(SentimentData.NEWS_CHECK)), true);
        report("News-style development set (used to choose the blend)",
                Evaluation.of(model, SentimentData.news(SentimentData.NEWS_DEV)), false);

        List<String> texts = new ArrayList<>();
        valid.forEach(e -> texts.add(e.text()));
        SentimentData.news(SentimentData.NEWS_CHECK).forEach(e -> texts.add(e.text()));
        for (int warm = 0; warm < 3; warm++) {
            model.scoreAll(texts);
        }
        double best = 0;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            model.scoreAll(texts);
            best = Math.max(best, texts.size() / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf(Locale.ROOT, "load: %.0f ms (%d features); throughput: %.0f texts/s on one thread "
                + "(best of 5 passes over %d texts)%n", loadMs, model.classifier().features(), best, texts.size());
    }

    private static void report(String title, Evaluation e, boolean confusion) {
        System.out.println(title + ": " + e.summary());
        if (confusion) {
            System.out.print(e.confusionTable());
        }
    }
}
