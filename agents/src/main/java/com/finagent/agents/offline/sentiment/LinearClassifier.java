package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;

import java.util.Collection;
import java.util.Map;

/**
 * Multinomial logistic regression over binary bag-of-words terms. A text's known terms each get the value
 * 1/sqrt(count of known terms), as in training. Immutable, so safe to share between threads.
 */
final class LinearClassifier {

    static final int CLASSES = SentimentLabel.values().length;

    private final Map<String, Integer> index;
    private final float[] weights;
    private final double[] bias;

    /**
     * @param index   term to feature number
     * @param weights feature-major: weights[feature * CLASSES + class]
     * @param bias    one per class, in {@link SentimentLabel} order
     */
    LinearClassifier(Map<String, Integer> index, float[] weights, double[] bias) {
        if (weights.length != index.size() * CLASSES || bias.length != CLASSES) {
            throw new IllegalArgumentException("Weights do not match the vocabulary");
        }
        this.index = Map.copyOf(index);
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    int features() {
        return index.size();
    }

    /** Unnormalised log-probabilities, in {@link SentimentLabel} order. */
    double[] logits(Collection<String> terms) {
        double[] z = bias.clone();
        int known = 0;
        double[] sum = new double[CLASSES];
        for (String term : terms) {
            Integer f = index.get(term);
            if (f != null) {
                known++;
                int base = f * CLASSES;
                for (int k = 0; k < CLASSES; k++) {
                    sum[k] += weights[base + k];
                }
            }
        }
        if (known > 0) {
            double scale = 1.0 / Math.sqrt(known);
            for (int k = 0; k < CLASSES; k++) {
                z[k] += sum[k] * scale;
            }
        }
        return z;
    }

    Map<String, Integer> index() {
        return index;
    }

    float weight(int feature, int cls) {
        return weights[feature * CLASSES + cls];
    }

    double bias(int cls) {
        return bias[cls];
    }
}
