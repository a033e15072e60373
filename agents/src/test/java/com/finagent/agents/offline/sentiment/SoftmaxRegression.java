package com.finagent.agents.offline.sentiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Trains multinomial logistic regression with L2 regularisation by L-BFGS on the full batch. Single-threaded and
 * free of randomness, so the same data always gives the same weights.
 */
final class SoftmaxRegression {

    private static final int K = LinearClassifier.CLASSES;
    private static final int HISTORY = 10;

    private final int[][] docs;
    private final int[] labels;
    private final double[] sampleWeights;
    private final int features;
    private final double lambda;
    private final double totalWeight;

    /**
     * @param docs          per example, the distinct feature numbers present (each valued 1/sqrt(count))
     * @param labels        class of each example
     * @param sampleWeights weight of each example in the loss
     * @param lambda        L2 penalty on the term weights (not the biases)
     */
    SoftmaxRegression(int[][] docs, int[] labels, double[] sampleWeights, int features, double lambda) {
        this.docs = docs;
        this.labels = labels;
        this.sampleWeights = sampleWeights;
        this.features = features;
        this.lambda = lambda;
        double total = 0;
        for (double w : sampleWeights) {
            total += w;
        }
        this.totalWeight = total;
    }

    /** Returns the parameters: features*K term weights (feature-major), then K biases. */
    double[] train(int maxIterations) {
        int n = features * K + K;
        double[] x = new double[n];
        double[] g = new double[n];
        double f = evaluate(x, g);
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iter = 0; iter < maxIterations; iter++) {
            double[] d = direction(g, history);
            double slope = dot(g, d);
            if (slope >= 0) {
                history.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double step = iter == 0 ? 1.0 / Math.max(1e-12, Math.sqrt(dot(g, g))) : 1.0;
            double[] xNew = new double[n];
            double[] gNew = new double[n];
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = evaluate(xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][]{s, y});
                if (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            double change = Math.abs(f - fNew) / Math.max(1.0, Math.abs(f));
            x = xNew;
            g = gNew;
            f = fNew;
            if (change < 1e-9) {
                break;
            }
        }
        return x;
    }

    private double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        int idx = m - 1;
        for (Iterator<double[][]> it = history.descendingIterator(); it.hasNext(); idx--) {
            double[][] sy = it.next();
            rho[idx] = 1.0 / dot(sy[1], sy[0]);
            alpha[idx] = rho[idx] * dot(sy[0], q);
            axpy(-alpha[idx], sy[1], q);
        }
        if (m > 0) {
            double[][] last = history.peekLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        idx = 0;
        for (double[][] sy : history) {
            double beta = rho[idx] * dot(sy[1], q);
            axpy(alpha[idx] - beta, sy[0], q);
            idx++;
        }
        return negate(q);
    }

    /** The loss at x, writing its gradient into g. */
    private double evaluate(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        int biasBase = features * K;
        double loss = 0;
        double[] z = new double[K];
        for (int d = 0; d < docs.length; d++) {
            int[] doc = docs[d];
            double v = doc.length == 0 ? 0 : 1.0 / Math.sqrt(doc.length);
            for (int k = 0; k < K; k++) {
                z[k] = x[biasBase + k];
            }
            for (int f : doc) {
                int base = f * K;
                for (int k = 0; k < K; k++) {
                    z[k] += x[base + k] * v;
                }
            }
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = 0;
            for (int k = 0; k < K; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            double w = sampleWeights[d] / totalWeight;
            loss -= w * Math.log(z[labels[d]] / sum);
            for (int k = 0; k < K; k++) {
                double err = w * (z[k] / sum - (k == labels[d] ? 1 : 0));
                g[biasBase + k] += err;
                double errV = err * v;
                for (int f : doc) {
                    g[f * K + k] += errV;
                }
            }
        }
        double reg = 0;
        for (int i = 0; i < biasBase; i++) {
            reg += x[i] * x[i];
            g[i] += lambda * x[i];
        }
        return loss + 0.5 * lambda * reg;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }
}
