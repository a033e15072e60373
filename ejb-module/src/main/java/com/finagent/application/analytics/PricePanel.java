package com.finagent.application.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Prices of several assets on one calendar, as the pandas DataFrame PyPortfolioOpt works on: one row per date
 * (the union of every asset's dates), one column per asset, NaN where an asset has no price (before its listing,
 * or on a day only other assets traded). The estimators follow PyPortfolioOpt 1.5 exactly:
 * <ul>
 *   <li>returns: {@code prices.pct_change(fill_method=None).dropna(how="all")}, so a missing price is never
 *       filled: the returns on both sides of it are missing;</li>
 *   <li>expected returns: {@code mean_historical_return} with compounding, each asset's CAGR over its own
 *       returns, {@code prod(1 + r)^(frequency / count(r)) - 1};</li>
 *   <li>covariance: {@code sample_cov}, pandas' pairwise-complete sample covariance ({@code ddof = 1}) of the
 *       returns, times the frequency, then {@code fix_nonpositive_semidefinite} (spectral);</li>
 *   <li>Ledoit-Wolf: {@code CovarianceShrinkage.ledoit_wolf()}, see {@link LedoitWolf}.</li>
 * </ul>
 */
public final class PricePanel {

    private final List<String> symbols;
    private final List<LocalDate> dates;
    private final double[][] prices;

    private PricePanel(List<String> symbols, List<LocalDate> dates, double[][] prices) {
        this.symbols = List.copyOf(symbols);
        this.dates = dates;
        this.prices = prices;
    }

    /**
     * Dated series, each on its own dates, joined on the union of the dates (an outer join, as
     * {@code pd.concat(axis=1)} or a CSV with blank cells gives).
     *
     * @param series by symbol, in the order columns should have; each a date-sorted map of positive prices
     */
    public static PricePanel dated(Map<String, ? extends SortedMap<LocalDate, Double>> series) {
        requireAssets(series.size());
        TreeSet<LocalDate> union = new TreeSet<>();
        series.forEach((symbol, byDate) -> {
            if (byDate == null || byDate.size() < 2) {
                throw new IllegalArgumentException("series." + symbol + ": needs at least 2 dated prices");
            }
            union.addAll(byDate.keySet());
        });
        List<LocalDate> dates = new ArrayList<>(union);
        List<String> symbols = new ArrayList<>(series.keySet());
        double[][] prices = new double[dates.size()][symbols.size()];
        for (int a = 0; a < symbols.size(); a++) {
            SortedMap<LocalDate, Double> byDate = series.get(symbols.get(a));
            for (int t = 0; t < dates.size(); t++) {
                Double price = byDate.get(dates.get(t));
                prices[t][a] = price == null ? Double.NaN : positive("series." + symbols.get(a), price);
            }
        }
        return new PricePanel(symbols, dates, prices);
    }

    /**
     * Undated columns of equal length, row {@code t} of every column being the same day; a {@code null} is a
     * blank cell (e.g. before the asset listed).
     */
    public static PricePanel aligned(Map<String, ? extends List<Double>> columns) {
        requireAssets(columns.size());
        List<String> symbols = new ArrayList<>(columns.keySet());
        int rows = columns.get(symbols.get(0)).size();
        double[][] prices = new double[rows][symbols.size()];
        for (int a = 0; a < symbols.size(); a++) {
            List<Double> column = columns.get(symbols.get(a));
            if (column.size() != rows) {
                throw new IllegalArgumentException("prices." + symbols.get(a) + ": every column needs the same number "
                        + "of rows (" + rows + "), null where there is no price; or send dated 'series'");
            }
            for (int t = 0; t < rows; t++) {
                Double price = column.get(t);
                prices[t][a] = price == null ? Double.NaN : positive("prices." + symbols.get(a), price);
            }
        }
        return new PricePanel(symbols, null, prices);
    }

    public List<String> symbols() {
        return symbols;
    }

    /** The joined calendar, or {@code null} for undated columns. */
    public List<LocalDate> dates() {
        return dates;
    }

    /**
     * Simple returns, row {@code t} from price row {@code t} to {@code t + 1}, NaN where either price is missing;
     * rows where every asset's return is missing are dropped ({@code dropna(how="all")}).
     */
    public double[][] returns() {
        List<double[]> rows = new ArrayList<>(prices.length);
        for (int t = 1; t < prices.length; t++) {
            double[] row = new double[symbols.size()];
            boolean any = false;
            for (int a = 0; a < row.length; a++) {
                row[a] = prices[t][a] / prices[t - 1][a] - 1;
                any |= !Double.isNaN(row[a]);
            }
            if (any) {
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** Returns each asset actually has (its non-missing returns). */
    public int[] returnCounts() {
        double[][] returns = returns();
        int[] counts = new int[symbols.size()];
        for (double[] row : returns) {
            for (int a = 0; a < row.length; a++) {
                if (!Double.isNaN(row[a])) {
                    counts[a]++;
                }
            }
        }
        return counts;
    }

    /** PyPortfolioOpt's {@code mean_historical_return(compounding=True)}: each asset's CAGR over its own returns. */
    public double[] meanHistoricalReturn(int frequency) {
        double[][] returns = returns();
        double[] mu = new double[symbols.size()];
        for (int a = 0; a < mu.length; a++) {
            double growth = 1;
            int count = 0;
            for (double[] row : returns) {
                if (!Double.isNaN(row[a])) {
                    growth *= 1 + row[a];
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("series." + symbols.get(a) + ": has no return (two consecutive prices)");
            }
            mu[a] = Math.pow(growth, (double) frequency / count) - 1;
        }
        return mu;
    }

    /**
     * PyPortfolioOpt's {@code sample_cov}: for each pair, the sample covariance ({@code n - 1}) over the returns
     * both assets have (each mean taken over those same rows, as pandas does), times {@code frequency}, made
     * positive semidefinite if it is not.
     */
    public double[][] sampleCovariance(int frequency) {
        double[][] returns = returns();
        int n = symbols.size();
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double value = pairwiseCovariance(returns, i, j) * frequency;
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("series." + symbols.get(j) + ": shares fewer than 2 returns with "
                            + symbols.get(i) + ", so their covariance is unknown");
                }
                covariance[i][j] = value;
                covariance[j][i] = value;
            }
        }
        return PositiveSemidefinite.repaired(covariance);
    }

    /** PyPortfolioOpt's {@code CovarianceShrinkage(prices).ledoit_wolf()} (constant-variance target), annualised. */
    public LedoitWolf.Estimate ledoitWolf(int frequency) {
        double[][] returns = returns();
        double[][] filled = new double[returns.length][];
        for (int t = 0; t < returns.length; t++) {
            // PyPortfolioOpt hands sklearn np.nan_to_num(returns): a missing return counts as a zero return
            filled[t] = Arrays.stream(returns[t]).map(r -> Double.isNaN(r) ? 0 : r).toArray();
        }
        LedoitWolf.Estimate daily = LedoitWolf.estimate(filled);
        double[][] annual = new double[daily.covariance().length][];
        for (int i = 0; i < annual.length; i++) {
            annual[i] = Arrays.stream(daily.covariance()[i]).map(v -> v * frequency).toArray();
        }
        return new LedoitWolf.Estimate(PositiveSemidefinite.repaired(annual), daily.shrinkage());
    }

    /** Each asset's last known price ({@code get_latest_prices}: {@code prices.ffill().iloc[-1]}). */
    public double[] latestPrices() {
        double[] latest = new double[symbols.size()];
        Arrays.fill(latest, Double.NaN);
        for (double[] row : prices) {
            for (int a = 0; a < row.length; a++) {
                if (!Double.isNaN(row[a])) {
                    latest[a] = row[a];
                }
            }
        }
        return latest;
    }

    /** Each asset's first date with a price, or {@code null} for undated columns. */
    public List<LocalDate> firstDates() {
        if (dates == null) {
            return null;
        }
        List<LocalDate> first = new ArrayList<>();
        for (int a = 0; a < symbols.size(); a++) {
            int t = 0;
            while (Double.isNaN(prices[t][a])) {
                t++;
            }
            first.add(dates.get(t));
        }
        return first;
    }

    private static double pairwiseCovariance(double[][] returns, int i, int j) {
        double sumI = 0;
        double sumJ = 0;
        int count = 0;
        for (double[] row : returns) {
            if (!Double.isNaN(row[i]) && !Double.isNaN(row[j])) {
                sumI += row[i];
                sumJ += row[j];
                count++;
            }
        }
        if (count < 2) {
            return Double.NaN;
        }
        double meanI = sumI / count;
        double meanJ = sumJ / count;
        double products = 0;
        for (double[] row : returns) {
            if (!Double.isNaN(row[i]) && !Double.isNaN(row[j])) {
                products += (row[i] - meanI) * (row[j] - meanJ);
            }
        }
        return products / (count - 1);
    }

    private static void requireAssets(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("series: give the prices of at least one asset");
        }
    }

    private static double positive(String field, Double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException(field + ": a price must be a positive finite number");
        }
        return price;
    }
}
