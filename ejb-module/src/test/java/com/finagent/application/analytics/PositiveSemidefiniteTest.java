package com.finagent.application.analytics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyPortfolioOpt's fix_nonpositive_semidefinite (spectral): pairwise correlations of 0.9, 0.9 and -0.9 cannot all
 * hold at once (eigenvalues -0.8, 1.9, 1.9), so the matrix is rebuilt with the negative eigenvalue set to 0 and
 * its eigenvectors kept.
 */
class PositiveSemidefiniteTest {

    private static final double[][] IMPOSSIBLE = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};

    @Test
    void negativeEigenvaluesBecomeZero() {
        assertFalse(PositiveSemidefinite.isPositiveSemidefinite(IMPOSSIBLE));
        double[][] repaired = PositiveSemidefinite.repaired(IMPOSSIBLE);
        assertTrue(PositiveSemidefinite.isNearlyPositiveSemidefinite(repaired));
        new PortfolioOptimizer(new double[]{0.1, 0.1, 0.1}, repaired, new double[3], new double[]{1, 1, 1});
        EigenDecomposition original = new EigenDecomposition(new Array2DRowRealMatrix(IMPOSSIBLE));
        Array2DRowRealMatrix fixed = new Array2DRowRealMatrix(repaired);
        for (int k = 0; k < 3; k++) {
            RealVector v = original.getEigenvector(k);
            double kept = Math.max(original.getRealEigenvalue(k), 0);
            assertArrayEquals(v.mapMultiply(kept).toArray(), fixed.operate(v).toArray(), 1e-12);
        }
    }

    @Test
    void aPositiveSemidefiniteMatrixIsLeftAsItIs() {
        double[][] fine = {{0.04, 0.01}, {0.01, 0.09}};
        assertSame(fine, PositiveSemidefinite.repaired(fine));
    }
}
