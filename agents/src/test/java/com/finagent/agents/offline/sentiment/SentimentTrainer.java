package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Regenerates the bundled sentiment model from the training files, deterministically (no randomness, one thread,
 * sorted vocabulary): the same data gives the same file.
 *
 * <ol>
 *   <li>The classifier is trained on the zeroshot finance-news tweets (train split only) plus the Surge AI stock
 *       tweets at half weight (they have no neutral class and are retail chatter rather than news). Neutral tweets
 *       count half: with 65% of the tweets neutral, the learned prior otherwise drowns what the words and the
 *       finance cues say in unfamiliar news prose; the blend's neutral bonus for texts without any finance
 *       evidence gives plain statements of fact their neutral label back. Settings from 5-fold cross-validation
 *       on the train split: terms seen in at least 2 texts, L2 penalty 1e-5 (word trigrams and character 4-grams
 *       did not help).</li>
 *   <li>The blend of classifier and finance rules is chosen by a grid search over two measures: accuracy on
 *       out-of-fold predictions for the training tweets (5 folds) and accuracy on the hand-written news
 *       development set. Rules that read news prose well cost a little on tweets, whose labelling conventions
 *       differ (macro news and mixed results are "neutral" there), so the search takes the blend that is best on
 *       the news style among those within {@value #TWEET_TOLERANCE} of the best tweet accuracy. The valid split
 *       and the news check set are never looked at here.</li>
 * </ol>
 *
 * Usage: {@code SentimentTrainer <shared data dir> <output model file>}
 */
public final class SentimentTrainer {

    static final ClassifierFit.Settings SETTINGS = new ClassifierFit.Settings(2, 1e-5, 400);
    static final double SURGE_WEIGHT = 0.5;
    static final double NEUTRAL_WEIGHT = 0.5;
    static final int FOLDS = 5;

    /** How much tweet accuracy (out of fold) the blend may give up for accuracy on news prose. */
    static final double TWEET_TOLERANCE = 0.015;

    private static final double[] SCALES = {0.5, 0.7, 0.85, 1.0, 1.2};
    private static final double[] RULE_WEIGHTS = {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0};
    private static final double[] DEAD_ZONES = {0.0, 0.3, 0.5, 0.8};
    private static final double[] CAPS = {2.0, 3.0};
    private static final double[] FACTUAL_BIASES = {0.0, 0.5, 1.0, 1.5};

    /** A scored example: classifier logits, rule evidence and the true class. */
    record Scored(double[] logits, FinanceRules.Evidence evidence, int label) {
    }

    private SentimentTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SentimentTrainer <shared data dir> <output model file>");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Path data = Path.of(args[0]);
        List<SentimentData.Example> tweets = SentimentData.tweets(data.resolve(SentimentData.TWEETS_TRAIN));
        List<SentimentData.Example> surge = SentimentData.surge(data.resolve(SentimentData.SURGE));

        List<Scored> outOfFold = outOfFold(tweets, surge);
        LinearClassifier classifier = ClassifierFit.fit(weighted(tweets, surge, -1), SETTINGS);
        List<Scored> newsDev = score(classifier, SentimentData.news(SentimentData.NEWS_DEV));
        ModelFile.Blend blend = chooseBlend(outOfFold, newsDev);

        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ModelFile.write(w, blend, classifier, String.join("\n",
                    "Fin Agent offline financial sentiment model, written by SentimentTrainer; do not edit.",
                    "Learned from: Twitter Financial News dataset, zeroshot (Ricky Costa), MIT License;",
                    "Surge AI stock sentiment sample, Copyright (c) 2022 Surge AI, MIT License.",
                    "Holds learned weights for stems and stem pairs only, no training text."));
        }
        System.out.printf(Locale.ROOT, "model: %d features, blend %s, written to %s in %.1f s%n",
                classifier.features(), blend, out, (System.nanoTime() - t0) / 1e9);
    }

    /** Training set for one fold (fold -1: all tweets), the Surge tweets always included. */
    static List<ClassifierFit.Weighted> weighted(List<SentimentData.Example> tweets,
                                                 List<SentimentData.Example> surge, int heldOutFold) {
        List<ClassifierFit.Weighted> data = new ArrayList<>();
        for (int i = 0; i < tweets.size(); i++) {
            if (heldOutFold < 0 || i % FOLDS != heldOutFold) {
                SentimentData.Example e = tweets.get(i);
                data.add(new ClassifierFit.Weighted(e, e.label() == SentimentLabel.NEUTRAL ? NEUTRAL_WEIGHT : 1.0));
            }
        }
        for (SentimentData.Example e : surge) {
            data.add(new ClassifierFit.Weighted(e, SURGE_WEIGHT));
        }
        return data;
    }

    static List<Scored> outOfFold(List<SentimentData.Example> tweets, List<SentimentData.Example> surge) {
        Scored[] scored = new Scored[tweets.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            LinearClassifier c = ClassifierFit.fit(weighted(tweets, surge, fold), SETTINGS);
            for (int i = fold; i < tweets.size(); i += FOLDS) {
                scored[i] = score(c, tweets.get(i));
            }
        }
        return List.of(scored);
    }

    static List<Scored> score(LinearClassifier c, List<SentimentData.Example> examples) {
        return examples.stream().map(e -> score(c, e)).toList();
    }

    static Scored score(LinearClassifier c, SentimentData.Example e) {
        List<Token> tokens = TextLexer.tokenize(e.text());
        FinanceRules.Evidence evidence = FinanceRules.analyse(tokens);
        return new Scored(c.logits(TextFeatures.terms(tokens, evidence)), evidence, e.label().ordinal());
    }

    /** A candidate blend with its accuracy on the two sets. */
    private record Candidate(ModelFile.Blend blend, double tweets, double news) {
    }

    static ModelFile.Blend chooseBlend(List<Scored> tweets, List<Scored> news) {
        List<Candidate> candidates = new ArrayList<>();
        double bestTweets = 0;
        for (double scale : SCALES) {
            for (double ruleWeight : RULE_WEIGHTS) {
                for (double deadZone : DEAD_ZONES) {
                    for (double cap : CAPS) {
                        for (double factual : FACTUAL_BIASES) {
                            ModelFile.Blend blend = new ModelFile.Blend(scale, ruleWeight, deadZone, cap, factual);
                            Candidate c = new Candidate(blend, accuracy(tweets, blend), accuracy(news, blend));
                            candidates.add(c);
                            bestTweets = Math.max(bestTweets, c.tweets());
                        }
                    }
                }
            }
        }
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.tweets() < bestTweets - TWEET_TOLERANCE) {
                continue;
            }
            if (best == null || c.news() > best.news() || (c.news() == best.news() && c.tweets() > best.tweets())) {
                best = c;
            }
        }
        System.out.printf(Locale.ROOT, "blend: tweets out-of-fold %.4f (best %.4f), news dev %.4f%n",
                best.tweets(), bestTweets, best.news());
        return best.blend();
    }

    static double accuracy(List<Scored> examples, ModelFile.Blend blend) {
        int correct = 0;
        for (Scored s : examples) {
            double[] p = OfflineSentimentModel.blend(s.logits(), s.evidence(), blend);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            correct += best == s.label() ? 1 : 0;
        }
        return correct / (double) examples.size();
    }
}
