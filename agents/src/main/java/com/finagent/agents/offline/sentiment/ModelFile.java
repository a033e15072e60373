package com.finagent.agents.offline.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text format of the learned parameters: a header line, "param name value" lines for the blend of classifier
 * and finance rules, a "bias" line, then one "term TAB w_negative TAB w_positive TAB w_neutral" line per feature.
 * Terms are learned vocabulary (stems and stem pairs), never training texts.
 */
final class ModelFile {

    static final String HEADER = "finagent-sentiment 1";

    /**
     * Parameters of the blend.
     *
     * @param classifierScale multiplies the classifier's logits: how far tweet-trained word weights are trusted
     * @param ruleWeight      logit added per unit of finance-rule evidence
     * @param deadZone        loose evidence up to this much is ignored: one evaluative word alone should not overrule
     * @param evidenceCap     evidence above this counts as this much
     * @param factualBias     logit added to neutral when the rules find no evidence at all
     */
    record Blend(double classifierScale, double ruleWeight, double deadZone, double evidenceCap,
                 double factualBias) {
    }

    /** Everything in a model file. */
    record Contents(Blend blend, LinearClassifier classifier) {
    }

    private ModelFile() {
    }

    static Contents read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (!HEADER.equals(header)) {
            throw new IOException("Not a sentiment model file: " + header);
        }
        Map<String, Double> params = new HashMap<>();
        double[] bias = null;
        Map<String, Integer> index = new HashMap<>();
        float[] weights = new float[1 << 16];
        int k = LinearClassifier.CLASSES;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("param ")) {
                String[] p = line.split(" ");
                params.put(p[1], Double.parseDouble(p[2]));
            } else if (line.startsWith("bias ")) {
                String[] p = line.split(" ");
                bias = new double[k];
                for (int c = 0; c < k; c++) {
                    bias[c] = Double.parseDouble(p[c + 1]);
                }
            } else if (!line.isEmpty()) {
                int t1 = line.indexOf('\t');
                int t2 = line.indexOf('\t', t1 + 1);
                int t3 = line.indexOf('\t', t2 + 1);
                if (t1 <= 0 || t2 < 0 || t3 < 0) {
                    throw new IOException("Bad feature line: " + line);
                }
                int f = index.size();
                if (index.put(line.substring(0, t1), f) != null) {
                    throw new IOException("Duplicate feature: " + line.substring(0, t1));
                }
                if ((f + 1) * k > weights.length) {
                    weights = java.util.Arrays.copyOf(weights, weights.length * 2);
                }
                weights[f * k] = Float.parseFloat(line.substring(t1 + 1, t2));
                weights[f * k + 1] = Float.parseFloat(line.substring(t2 + 1, t3));
                weights[f * k + 2] = Float.parseFloat(line.substring(t3 + 1));
            }
        }
        if (bias == null) {
            throw new IOException("Missing bias line");
        }
        Blend blend = new Blend(require(params, "classifierScale"), require(params, "ruleWeight"),
                require(params, "deadZone"), require(params, "evidenceCap"), require(params, "factualBias"));
        return new Contents(blend, new LinearClassifier(index, java.util.Arrays.copyOf(weights, index.size() * k),
                bias));
    }

    /**
     * Writes the model with terms in sorted order, so that retraining on the same data gives the same bytes.
     * Weights are centred per feature (softmax ignores a shared shift) and rounded; features whose weights all
     * round to zero are left out.
     */
    static void write(Writer out, Blend blend, LinearClassifier classifier, String comment) throws IOException {
        out.write(HEADER + "\n");
        for (String line : comment.split("\n")) {
            out.write("# " + line + "\n");
        }
        out.write(param("classifierScale", blend.classifierScale()));
        out.write(param("ruleWeight", blend.ruleWeight()));
        out.write(param("deadZone", blend.deadZone()));
        out.write(param("evidenceCap", blend.evidenceCap()));
        out.write(param("factualBias", blend.factualBias()));
        int k = LinearClassifier.CLASSES;
        double meanBias = 0;
        for (int c = 0; c < k; c++) {
            meanBias += classifier.bias(c) / k;
        }
        StringBuilder bias = new StringBuilder("bias");
        for (int c = 0; c < k; c++) {
            bias.append(' ').append(round(classifier.bias(c) - meanBias));
        }
        out.write(bias + "\n");
        for (Map.Entry<String, Integer> e : new TreeMap<>(classifier.index()).entrySet()) {
            int f = e.getValue();
            double mean = 0;
            for (int c = 0; c < k; c++) {
                mean += classifier.weight(f, c) / (double) k;
            }
            String[] w = new String[k];
            boolean any = false;
            for (int c = 0; c < k; c++) {
                w[c] = round(classifier.weight(f, c) - mean);
                any |= !w[c].equals("0");
            }
            if (any) {
                out.write(e.getKey() + "\t" + String.join("\t", w) + "\n");
            }
        }
    }

    private static String param(String name, double value) {
        return "param " + name + " " + round(value) + "\n";
    }

    private static String round(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static double require(Map<String, Double> params, String name) throws IOException {
        Double v = params.get(name);
        if (v == null) {
            throw new IOException("Missing param " + name);
        }
        return v;
    }
}
