import com.finagent.application.analytics.MonteCarloSimulation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Monte Carlo throughput: 10 assets, 100 000 paths x 252 daily steps, drifts and covariance estimated from
 * the last five years of ten real tickers. Writes the parameters for the NumPy reference and prints one
 * line of results per measured run.
 * Arguments: prices CSV, parameter file to write, paths, steps, measured runs.
 */
public final class MonteCarloBench {

    private static final int ASSETS = 10;
    private static final int HISTORY = 1260;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int paths = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        String[] header = lines.get(0).split(",");
        // Tickers with a full price history over the window: skip those with gaps.
        List<Integer> columns = new ArrayList<>();
        List<String> window = lines.subList(lines.size() - HISTORY - 1, lines.size());
        for (int c = 1; c < header.length && columns.size() < ASSETS; c++) {
            final int column = c;
            if (window.stream().allMatch(l -> l.split(",", -1)[column].length() > 0)) {
                columns.add(c);
            }
        }
        double[][] logReturns = new double[HISTORY][ASSETS];
        for (int t = 1; t <= HISTORY; t++) {
            String[] previous = window.get(t - 1).split(",", -1);
            String[] current = window.get(t).split(",", -1);
            for (int a = 0; a < ASSETS; a++) {
                int c = columns.get(a);
                logReturns[t - 1][a] = Math.log(Double.parseDouble(current[c]) / Double.parseDouble(previous[c]));
            }
        }
        RealMatrix covariance = new Covariance(new Array2DRowRealMatrix(logReturns, false), true)
                .getCovarianceMatrix().scalarMultiply(252);
        double[] drifts = new double[ASSETS];
        for (int a = 0; a < ASSETS; a++) {
            final int asset = a;
            drifts[a] = Arrays.stream(logReturns).mapToDouble(r -> r[asset]).average().orElseThrow() * 252
                    + 0.5 * covariance.getEntry(a, a);
        }
        double[] weights = new double[ASSETS];
        Arrays.fill(weights, 1.0 / ASSETS);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println(String.join(" ", Arrays.stream(drifts).mapToObj(Double::toString).toList()));
            for (double[] row : covariance.getData()) {
                out.println(String.join(" ", Arrays.stream(row).mapToObj(Double::toString).toList()));
            }
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        MonteCarloSimulation.Parameters warmUp = new MonteCarloSimulation.Parameters(1, weights, drifts, covariance,
                paths / 4, steps, 252, 12, 1);
        MonteCarloSimulation.run(warmUp, 0.95, pool);
        for (int run = 0; run < runs; run++) {
            MonteCarloSimulation.Parameters parameters = new MonteCarloSimulation.Parameters(1, weights, drifts,
                    covariance, paths, steps, 252, 12, 1000 + run);
            long start = System.nanoTime();
            MonteCarloSimulation.Result result = MonteCarloSimulation.run(parameters, 0.95, pool);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] p = result.finalValuePercentiles();
            System.out.printf("java seconds=%.3f path_steps_per_s=%.4e mean=%.5f p5=%.5f p50=%.5f p95=%.5f var95=%.5f%n",
                    seconds, result.pathSteps() / seconds, result.meanFinalValue(), p[0], p[2], p[4], result.valueAtRisk());
        }
        pool.shutdown();
    }
}
