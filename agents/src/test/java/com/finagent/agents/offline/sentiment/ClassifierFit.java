package com.finagent.agents.offline.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Fits the bag-of-words classifier to labelled texts: builds the vocabulary, then runs the L-BFGS training. */
final class ClassifierFit {

    /**
     * @param minCount      a term must occur in at least this many training texts
     * @param lambda        L2 penalty
     * @param maxIterations L-BFGS iterations
     */
    record Settings(int minCount, double lambda, int maxIterations) {
    }

    /** A training text with the weight of its example in the loss. */
    record Weighted(SentimentData.Example example, double weight) {
    }

    private ClassifierFit() {
    }

    static Set<String> terms(String text) {
        List<Token> tokens = TextLexer.tokenize(text);
        return TextFeatures.terms(tokens, FinanceRules.analyse(tokens));
    }

    static LinearClassifier fit(List<Weighted> data, Settings settings) {
        List<Set<String>> termSets = data.stream().map(w -> terms(w.example().text())).toList();
        // sorted so the feature numbering, and with it the trained weights, never depend on hash order
        Map<String, Integer> counts = new TreeMap<>();
        for (Set<String> terms : termSets) {
            for (String term : terms) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= settings.minCount()) {
                index.put(e.getKey(), index.size());
            }
        }
        int[][] docs = new int[data.size()][];
        int[] labels = new int[data.size()];
        double[] weights = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            docs[i] = termSets.get(i).stream().map(index::get).filter(f -> f != null)
                    .mapToInt(Integer::intValue).toArray();
            labels[i] = data.get(i).example().label().ordinal();
            weights[i] = data.get(i).weight();
        }
        double[] x = new SoftmaxRegression(docs, labels, weights, index.size(), settings.lambda())
                .train(settings.maxIterations());
        int k = LinearClassifier.CLASSES;
        float[] w = new float[index.size() * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) x[i];
        }
        double[] bias = new double[k];
        System.arraycopy(x, index.size() * k, bias, 0, k);
        return new LinearClassifier(index, w, bias);
    }
}
