package com.finagent.application.analytics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The exact solution of {@code min ½ w'Σw - λ μ'w} subject to {@code Σ w_i = s} and {@code l ≤ w ≤ u}, by a primal
 * active-set method (Nocedal and Wright, Numerical Optimization, algorithm 16.3): each step solves the KKT system
 * of the assets not held at a bound, so the answer is exact up to rounding rather than to a solver tolerance.
 * As {@code λ} runs from 0 upwards the solutions trace the efficient frontier for the weight sum {@code s},
 * piecewise linearly in {@code λ}.
 */
final class MeanVarianceProgram {

    private static final int FREE = 0;
    private static final int AT_LOWER = -1;
    private static final int AT_UPPER = 1;

    private final double[][] sigma;
    private final double[] mu;
    private final double[] lower;
    private final double[] upper;
    private final double sum;
    private final int n;

    /** A solution and which assets sit at a bound (-1 lower, 1 upper, 0 free). */
    record Solution(double[] weights, int[] state) {
    }

    MeanVarianceProgram(double[][] sigma, double[] mu, double[] lower, double[] upper, double sum) {
        this.sigma = sigma;
        this.mu = mu;
        this.lower = lower;
        this.upper = upper;
        this.sum = sum;
        this.n = mu.length;
        double low = Arrays.stream(lower).sum();
        double high = Arrays.stream(upper).sum();
        if (low > sum + 1e-12 || high < sum - 1e-12) {
            throw new IllegalArgumentException("bounds: no weights within these bounds add up to " + sum);
        }
    }

    double sum() {
        return sum;
    }

    Solution solve(double lambda) {
        return solve(lambda, null);
    }

    /**
     * As {@link #solve(double)}, starting from another {@code λ}'s solution: it is feasible for every {@code λ}
     * and its bounds are usually nearly the right ones, so few steps remain.
     */
    Solution solve(double lambda, Solution warm) {
        double[] w = warm == null ? feasibleStart() : warm.weights().clone();
        int[] state = warm == null ? new int[n] : warm.state().clone();
        for (int iteration = 0; iteration < 100 * n + 1000; iteration++) {
            int[] free = indices(state, true);
            double[] x;
            double nu;
            if (free.length == 0) {
                x = new double[0];
                nu = Double.NaN;
            } else {
                double[] kkt = solveKkt(free, w, state, lambda);
                x = Arrays.copyOf(kkt, free.length);
                nu = kkt[free.length];
            }
            double step = 0;
            double scale = 1;
            for (int k = 0; k < free.length; k++) {
                step = Math.max(step, Math.abs(x[k] - w[free[k]]));
                scale = Math.max(scale, Math.abs(w[free[k]]));
            }
            if (step <= 1e-15 * scale) {
                int release = mostViolatedBound(w, state, lambda, nu);
                if (release < 0) {
                    return new Solution(w, state);
                }
                state[release] = FREE;
                continue;
            }
            double alpha = 1;
            int blocking = -1;
            int side = FREE;
            for (int k = 0; k < free.length; k++) {
                int i = free[k];
                double p = x[k] - w[i];
                if (p < 0 && Double.isFinite(lower[i]) && (lower[i] - w[i]) / p < alpha) {
                    alpha = (lower[i] - w[i]) / p;
                    blocking = i;
                    side = AT_LOWER;
                } else if (p > 0 && Double.isFinite(upper[i]) && (upper[i] - w[i]) / p < alpha) {
                    alpha = (upper[i] - w[i]) / p;
                    blocking = i;
                    side = AT_UPPER;
                }
            }
            alpha = Math.max(alpha, 0);
            for (int k = 0; k < free.length; k++) {
                int i = free[k];
                w[i] = alpha == 1 ? x[k] : w[i] + alpha * (x[k] - w[i]);
            }
            if (blocking >= 0) {
                w[blocking] = side == AT_LOWER ? lower[blocking] : upper[blocking];
                state[blocking] = side;
            }
        }
        throw new IllegalStateException("the optimiser did not converge");
    }

    /**
     * The solution for {@code lambda} on the segment of the frontier where the assets in {@code state} stay at
     * their bounds (as in {@code boundWeights}): linear in {@code lambda}, and the exact optimum wherever that
     * segment holds.
     */
    double[] onSegment(int[] state, double[] boundWeights, double lambda) {
        int[] free = indices(state, true);
        double[] w = boundWeights.clone();
        if (free.length > 0) {
            double[] kkt = solveKkt(free, boundWeights, state, lambda);
            for (int k = 0; k < free.length; k++) {
                w[free[k]] = kkt[k];
            }
        }
        return w;
    }

    /**
     * The free assets' weights and the multiplier of the sum constraint: {@code [Σ_FF 1; 1' 0] [x; ν] =
     * [λ μ_F - Σ_FB w_B; s - Σ w_B]}, B being the assets held at a bound.
     */
    private double[] solveKkt(int[] free, double[] w, int[] state, double lambda) {
        int m = free.length;
        double[][] k = new double[m + 1][m + 1];
        double[] rhs = new double[m + 1];
        double boundSum = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] != FREE) {
                boundSum += w[i];
            }
        }
        for (int a = 0; a < m; a++) {
            int i = free[a];
            for (int b = 0; b < m; b++) {
                k[a][b] = sigma[i][free[b]];
            }
            k[a][m] = 1;
            k[m][a] = 1;
            double r = lambda * mu[i];
            for (int j = 0; j < n; j++) {
                if (state[j] != FREE) {
                    r -= sigma[i][j] * w[j];
                }
            }
            rhs[a] = r;
        }
        rhs[m] = sum - boundSum;
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(k, false), 1e-300).getSolver();
        try {
            return solver.solve(new ArrayRealVector(rhs, false)).toArray();
        } catch (SingularMatrixException singular) {
            throw new IllegalArgumentException("covariance: singular on the assets the optimum holds freely; "
                    + "the optimum is not unique");
        }
    }

    /**
     * The bound whose multiplier has the wrong sign (the asset would improve the objective by leaving its bound),
     * or -1 when every held bound is right and the point is optimal.
     */
    private int mostViolatedBound(double[] w, int[] state, double lambda, double nu) {
        double[] gradient = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double g = -lambda * mu[i];
            for (int j = 0; j < n; j++) {
                g += sigma[i][j] * w[j];
            }
            gradient[i] = g;
            scale = Math.max(scale, Math.abs(g));
        }
        if (Double.isNaN(nu)) {
            // every asset is at a bound: any multiplier between these limits would certify optimality
            double low = Double.NEGATIVE_INFINITY;
            double high = Double.POSITIVE_INFINITY;
            int lowIndex = -1;
            int highIndex = -1;
            for (int i = 0; i < n; i++) {
                if (state[i] == AT_LOWER && -gradient[i] > low) {
                    low = -gradient[i];
                    lowIndex = i;
                } else if (state[i] == AT_UPPER && -gradient[i] < high) {
                    high = -gradient[i];
                    highIndex = i;
                }
            }
            if (low <= high + 1e-14 * Math.max(scale, 1e-300)) {
                return -1;
            }
            return lowIndex >= 0 ? lowIndex : highIndex;
        }
        double tolerance = 1e-13 * (scale + Math.abs(nu) + 1e-300);
        int worst = -1;
        double worstValue = -tolerance;
        for (int i = 0; i < n; i++) {
            double multiplier = state[i] == AT_LOWER ? gradient[i] + nu
                    : state[i] == AT_UPPER ? -(gradient[i] + nu) : 0;
            if (multiplier < worstValue) {
                worstValue = multiplier;
                worst = i;
            }
        }
        return worst;
    }

    /** Weights within the bounds that add up to the sum: an even split, clipped, the remainder spread where there is room. */
    private double[] feasibleStart() {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.min(upper[i], Math.max(lower[i], sum / n));
        }
        for (int round = 0; round <= n; round++) {
            double gap = sum - Arrays.stream(w).sum();
            if (Math.abs(gap) <= 1e-15 * Math.max(1, Math.abs(sum))) {
                break;
            }
            int room = 0;
            for (int i = 0; i < n; i++) {
                if (gap > 0 ? w[i] < upper[i] : w[i] > lower[i]) {
                    room++;
                }
            }
            double share = gap / room;
            for (int i = 0; i < n; i++) {
                if (gap > 0 && w[i] < upper[i]) {
                    w[i] = Math.min(upper[i], w[i] + share);
                } else if (gap < 0 && w[i] > lower[i]) {
                    w[i] = Math.max(lower[i], w[i] + share);
                }
            }
        }
        return w;
    }

    private static int[] indices(int[] state, boolean free) {
        return IntStream.range(0, state.length).filter(i -> (state[i] == FREE) == free).toArray();
    }
}
