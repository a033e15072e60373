package com.finagent.application.analytics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * The sample (bias-corrected) covariance and the correlation of return columns, one column per asset, as Commons
 * Math computes them. Commons Math refuses a single column ("insufficient data"), yet a portfolio of one holding is
 * a portfolio: its covariance is the column's sample variance and its correlation is 1.
 */
final class SampleCovariance {

    private SampleCovariance() {
    }

    static RealMatrix of(double[][] observations) {
        if (singleColumn(observations)) {
            return new Array2DRowRealMatrix(new double[][]{{new Variance(true).evaluate(column(observations))}}, false);
        }
        return new Covariance(new Array2DRowRealMatrix(observations, false), true).getCovarianceMatrix();
    }

    static RealMatrix correlationOf(double[][] observations) {
        if (singleColumn(observations)) {
            return new Array2DRowRealMatrix(new double[][]{{1.0}}, false);
        }
        return new PearsonsCorrelation(new Array2DRowRealMatrix(observations, false)).getCorrelationMatrix();
    }

    private static boolean singleColumn(double[][] observations) {
        return observations.length > 0 && observations[0].length == 1;
    }

    private static double[] column(double[][] observations) {
        double[] column = new double[observations.length];
        for (int t = 0; t < observations.length; t++) {
            column[t] = observations[t][0];
        }
        return column;
    }
}
