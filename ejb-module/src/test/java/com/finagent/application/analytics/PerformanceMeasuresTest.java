package com.finagent.application.analytics;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static com.finagent.application.analytics.ReferenceData.empyricalSeries;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against Quantopian empyrical's published test figures (8 decimals unless the fixture says otherwise). */
class PerformanceMeasuresTest {

    private static final double EIGHT_DECIMALS = 1e-8;
    private static final JsonObject EMPYRICAL = ReferenceData.json("empyrical_expected.json");
    private static final JsonObject EXPECTED = EMPYRICAL.getJsonObject("expected");

    private static double expected(String measure, String key) {
        return EXPECTED.getJsonObject(measure).getJsonNumber(key).doubleValue();
    }

    private static double[] series(String name) {
        return empyricalSeries(EMPYRICAL, name);
    }

    @Test
    void annualReturnVolatilityAndCalmar() {
        assertEquals(expected("annual_return", "mixed_returns DAILY"),
                PerformanceMeasures.annualReturn(series("mixed_returns"), 252), EIGHT_DECIMALS);
        assertEquals(expected("annual_return", "weekly_returns WEEKLY"),
                PerformanceMeasures.annualReturn(series("weekly_returns"), 52), EIGHT_DECIMALS);
        assertEquals(expected("annual_return", "monthly_returns MONTHLY"),
                PerformanceMeasures.annualReturn(series("monthly_returns"), 12), EIGHT_DECIMALS);

        assertEquals(expected("annual_volatility", "flat_line_1 DAILY"),
                PerformanceMeasures.annualVolatility(series("flat_line_1"), 252), EIGHT_DECIMALS);
        assertEquals(expected("annual_volatility", "mixed_returns DAILY"),
                PerformanceMeasures.annualVolatility(series("mixed_returns"), 252), EIGHT_DECIMALS);
        assertEquals(expected("annual_volatility", "weekly_returns WEEKLY"),
                PerformanceMeasures.annualVolatility(series("weekly_returns"), 52), EIGHT_DECIMALS);
        assertEquals(expected("annual_volatility", "monthly_returns MONTHLY"),
                PerformanceMeasures.annualVolatility(series("monthly_returns"), 12), EIGHT_DECIMALS);

        assertEquals(expected("calmar_ratio", "mixed_returns DAILY"),
                PerformanceMeasures.calmarRatio(series("mixed_returns"), 252), 1e-7);
        assertEquals(expected("calmar_ratio", "monthly_returns MONTHLY"),
                PerformanceMeasures.calmarRatio(series("monthly_returns"), 12), EIGHT_DECIMALS);
        assertEquals(Double.NaN, PerformanceMeasures.calmarRatio(series("one_return"), 252));
    }

    @Test
    void maxDrawdown() {
        for (String name : new String[]{"one_return", "simple_benchmark", "mixed_returns", "positive_returns",
                "three_point"}) {
            assertEquals(expected("max_drawdown", name), PerformanceMeasures.maxDrawdown(series(name)), EIGHT_DECIMALS, name);
        }
        assertEquals(PerformanceMeasures.cumulativeReturn(series("negative_returns")),
                PerformanceMeasures.maxDrawdown(series("negative_returns")), EIGHT_DECIMALS, "never recovers");
        assertEquals(EXPECTED.getJsonObject("cum_returns_final (start 0)").getJsonNumber("negative_returns").doubleValue(),
                PerformanceMeasures.cumulativeReturn(series("negative_returns")), 1e-4);
    }

    @Test
    void sharpeRatio() {
        JsonObject sharpe = EXPECTED.getJsonObject("sharpe_ratio (risk_free)");
        assertEquals(sharpe.getJsonNumber("mixed_returns (0)").doubleValue(),
                PerformanceMeasures.sharpeRatio(series("mixed_returns"), 0, 252), EIGHT_DECIMALS);
        assertEquals(sharpe.getJsonNumber("positive_returns (0)").doubleValue(),
                PerformanceMeasures.sharpeRatio(series("positive_returns"), 0, 252), 1e-6);
        assertEquals(sharpe.getJsonNumber("negative_returns (0)").doubleValue(),
                PerformanceMeasures.sharpeRatio(series("negative_returns"), 0, 252), 1e-6);
        assertEquals(Double.NaN, PerformanceMeasures.sharpeRatio(series("one_return"), 0, 252));
    }

    @Test
    void downsideRiskAndSortino() {
        JsonObject downside = EXPECTED.getJsonObject("downside_risk (required_return, period)");
        JsonObject sortino = EXPECTED.getJsonObject("sortino_ratio (required_return, period)");
        String[][] cases = {
                {"mixed_returns", "0", "DAILY"}, {"mixed_returns", "0.1", "DAILY"}, {"weekly_returns", "0", "WEEKLY"},
                {"weekly_returns", "0.1", "WEEKLY"}, {"monthly_returns", "0", "MONTHLY"},
                {"monthly_returns", "0.1", "MONTHLY"}, {"df_one", "0", "DAILY"}, {"df_two", "0", "DAILY"},
                {"df_one", "0", "WEEKLY"}, {"df_two", "0", "MONTHLY"}, {"one_return", "0", "DAILY"}};
        for (String[] c : cases) {
            String key = c[0] + " (" + c[1] + ", " + c[2] + ")";
            double actual = PerformanceMeasures.downsideRisk(series(c[0]), Double.parseDouble(c[1]), periods(c[2]));
            assertEquals(downside.getJsonNumber(key).doubleValue(), actual, EIGHT_DECIMALS, key);
            if (sortino.containsKey(key) && sortino.get(key) instanceof jakarta.json.JsonNumber number) {
                assertEquals(number.doubleValue(),
                        PerformanceMeasures.sortinoRatio(series(c[0]), Double.parseDouble(c[1]), periods(c[2])),
                        1e-7, "sortino " + key);
            }
        }
        assertEquals(sortino.getJsonNumber("negative_returns (0, DAILY)").doubleValue(),
                PerformanceMeasures.sortinoRatio(series("negative_returns"), 0, 252), 1e-7);
    }

    @Test
    void omegaRatio() {
        JsonObject omega = EXPECTED.getJsonObject("omega_ratio (risk_free, required_return)");
        assertEquals(omega.getJsonNumber("mixed_returns (0, 10.0)").doubleValue(),
                PerformanceMeasures.omegaRatio(series("mixed_returns"), 0, 10.0, 252), EIGHT_DECIMALS);
        assertEquals(omega.getJsonNumber("positive_returns (0.011, 0)").doubleValue(),
                PerformanceMeasures.omegaRatio(series("positive_returns"), 0.011, 0, 252), EIGHT_DECIMALS);
        assertEquals(omega.getJsonNumber("positive_returns (0.02, 0)").doubleValue(),
                PerformanceMeasures.omegaRatio(series("positive_returns"), 0.02, 0, 252), EIGHT_DECIMALS);
        assertEquals(omega.getJsonNumber("negative_returns (0.01, 0)").doubleValue(),
                PerformanceMeasures.omegaRatio(series("negative_returns"), 0.01, 0, 252), EIGHT_DECIMALS);
        assertEquals(Double.NaN, PerformanceMeasures.omegaRatio(series("mixed_returns"), 0, -10.0, 252));
        assertEquals(Double.NaN, PerformanceMeasures.omegaRatio(series("positive_returns"), 0.01, 0, 252));
    }

    @Test
    void alphaAndBetaAgainstABenchmark() {
        JsonObject alphaBeta = EXPECTED.getJsonObject("alpha_beta (benchmark)");
        double[] mixed = series("mixed_returns");
        double[] negative = series("negative_returns");
        double[] laggedNegative = negative.clone();
        laggedNegative[0] = Double.NaN;

        PerformanceMeasures.AlphaBeta vsNegative = PerformanceMeasures.alphaBeta(mixed, laggedNegative, 0, 252);
        JsonObject expected = alphaBeta.getJsonObject("mixed_returns vs negative_returns[1:]");
        assertEquals(expected.getJsonNumber("alpha").doubleValue(), vsNegative.alpha(), EIGHT_DECIMALS);
        assertEquals(expected.getJsonNumber("beta").doubleValue(), vsNegative.beta(), EIGHT_DECIMALS);

        PerformanceMeasures.AlphaBeta vsItself = PerformanceMeasures.alphaBeta(mixed, mixed, 0, 252);
        assertEquals(1.0, vsItself.beta(), EIGHT_DECIMALS);
        assertEquals(0.0, vsItself.alpha(), EIGHT_DECIMALS);
        double[] inverse = Arrays.stream(mixed).map(r -> -r).toArray();
        assertEquals(-1.0, PerformanceMeasures.alphaBeta(mixed, inverse, 0, 252).beta(), EIGHT_DECIMALS);
    }

    private static int periods(String frequency) {
        return switch (frequency) {
            case "DAILY" -> 252;
            case "WEEKLY" -> 52;
            case "MONTHLY" -> 12;
            default -> throw new IllegalArgumentException(frequency);
        };
    }
}
