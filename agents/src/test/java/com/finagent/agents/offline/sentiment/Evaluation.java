package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;
import com.finagent.agents.sentiment.SentimentModel;
import com.finagent.agents.sentiment.SentimentResult;

import java.util.List;
import java.util.Locale;

/** Accuracy, macro-F1 and the confusion matrix of predicted against true labels. */
final class Evaluation {

    private static final SentimentLabel[] LABELS = SentimentLabel.values();

    /** confusion[true][predicted], in {@link SentimentLabel} order. */
    private final int[][] confusion = new int[LABELS.length][LABELS.length];
    private int total;

    static Evaluation of(SentimentModel model, List<SentimentData.Example> examples) {
        Evaluation e = new Evaluation();
        List<SentimentResult> results = model.scoreAll(examples.stream().map(SentimentData.Example::text).toList());
        for (int i = 0; i < examples.size(); i++) {
            e.add(examples.get(i).label(), results.get(i).label());
        }
        return e;
    }

    void add(SentimentLabel truth, SentimentLabel predicted) {
        confusion[truth.ordinal()][predicted.ordinal()]++;
        total++;
    }

    int total() {
        return total;
    }

    double accuracy() {
        int correct = 0;
        for (int c = 0; c < LABELS.length; c++) {
            correct += confusion[c][c];
        }
        return total == 0 ? 0 : correct / (double) total;
    }

    double macroF1() {
        double sum = 0;
        for (int c = 0; c < LABELS.length; c++) {
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < LABELS.length; k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            double precision = predicted == 0 ? 0 : confusion[c][c] / (double) predicted;
            double recall = actual == 0 ? 0 : confusion[c][c] / (double) actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / LABELS.length;
    }

    String confusionTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s", "true \\ predicted"));
        for (SentimentLabel l : LABELS) {
            sb.append(String.format(Locale.ROOT, "%10s", l));
        }
        sb.append('\n');
        for (SentimentLabel t : LABELS) {
            sb.append(String.format(Locale.ROOT, "%-18s", t));
            for (SentimentLabel p : LABELS) {
                sb.append(String.format(Locale.ROOT, "%10d", confusion[t.ordinal()][p.ordinal()]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d accuracy=%.4f macro-F1=%.4f", total, accuracy(), macroF1());
    }
}
