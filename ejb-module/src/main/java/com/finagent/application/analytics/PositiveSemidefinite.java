package com.finagent.application.analytics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;

/**
 * PyPortfolioOpt's {@code fix_nonpositive_semidefinite(matrix, "spectral")}. A pairwise covariance (each pair over
 * its own dates) need not be positive semidefinite, and an optimiser cannot trust one that is not; such a matrix is
 * rebuilt from its eigendecomposition with the negative eigenvalues set to zero. The test is the one PyPortfolioOpt
 * uses: a Cholesky factorisation of {@code matrix + 1e-16 I} succeeds.
 */
final class PositiveSemidefinite {

    private PositiveSemidefinite() {
    }

    static boolean isPositiveSemidefinite(double[][] matrix) {
        double[][] shifted = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            shifted[i] = matrix[i].clone();
            shifted[i][i] += 1e-16;
        }
        try {
            // a zero positivity threshold fails exactly where LAPACK's potrf (numpy's cholesky) fails
            new CholeskyDecomposition(new Array2DRowRealMatrix(shifted, false), 1e-12, 0);
            return true;
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return false;
        }
    }

    /**
     * Positive semidefinite up to rounding: no eigenvalue below {@code -1e-10} times the largest. A repaired matrix
     * holds zero eigenvalues that rounding may leave a hair below zero, which the Cholesky test would refuse.
     */
    static boolean isNearlyPositiveSemidefinite(double[][] matrix) {
        double[] q = new EigenDecomposition(new Array2DRowRealMatrix(matrix, true)).getRealEigenvalues();
        double largest = Arrays.stream(q).map(Math::abs).max().orElse(0);
        return Arrays.stream(q).allMatch(value -> value >= -1e-10 * largest);
    }

    /** {@code matrix} itself when positive semidefinite, else {@code V max(q, 0) V'}. */
    static double[][] repaired(double[][] matrix) {
        if (isPositiveSemidefinite(matrix)) {
            return matrix;
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(matrix, true));
        RealMatrix v = eigen.getV();
        double[] q = eigen.getRealEigenvalues();
        int n = matrix.length;
        double[][] fixed = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += v.getEntry(i, k) * Math.max(q[k], 0) * v.getEntry(j, k);
                }
                fixed[i][j] = sum;
            }
        }
        return fixed;
    }
}
