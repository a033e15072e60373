package com.finagent.application.analytics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskAnalysisTest {

    private static final double[][] EDHEC = ReferenceData.csvColumns("performanceanalytics_edhec.csv", 100);

    @Test
    void seriesReportMatchesTheReferenceVaR() {
        RiskReport report = RiskAnalysis.analyse(new RiskQuery(null, boxed(EDHEC[0]), null, null, null, 0.95, 1, 12, 0));
        assertEquals(100, report.observations());
        assertEquals(ValueAtRisk.gaussian(EDHEC[0], 0.95), report.valueAtRisk().get("gaussian"), 1e-15);
        assertEquals(ValueAtRisk.modified(EDHEC[0], 0.95), report.valueAtRisk().get("modified"), 1e-15);
        assertEquals(PerformanceMeasures.maxDrawdown(EDHEC[0]), report.maxDrawdown(), 1e-15);
        // The bootstrap resamples the observed returns: its quantile stays near the historical one.
        assertEquals(report.valueAtRisk().get("historical"), report.valueAtRisk().get("bootstrap"), 0.003);
    }

    @Test
    void horizonScalesVaRByTheSquareRootOfTime() {
        RiskReport oneMonth = RiskAnalysis.analyse(new RiskQuery(null, boxed(EDHEC[1]), null, null, null, 0.99, 1, 12, 0));
        RiskReport fourMonths = RiskAnalysis.analyse(new RiskQuery(null, boxed(EDHEC[1]), null, null, null, 0.99, 4, 12, 0));
        assertEquals(2 * oneMonth.valueAtRisk().get("historical"), fourMonths.valueAtRisk().get("historical"), 1e-15);
    }

    @Test
    void portfolioReportsComponentVaRThatAddsUp() {
        Map<String, List<Double>> prices = Map.of("CA", pricesFrom(EDHEC[0]), "CTA", pricesFrom(EDHEC[1]),
                "DS", pricesFrom(EDHEC[2]));
        Map<String, Double> weights = Map.of("CA", 0.3, "CTA", 0.4, "DS", 0.3);
        RiskReport report = RiskAnalysis.analyse(new RiskQuery(null, null, prices, weights, null, 0.95, 1, 12, 0.02));
        double total = report.componentVaR().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(-report.valueAtRisk().get("gaussian"), total, 0.002, "component VaR (sample cov) ~ portfolio VaR");
        assertTrue(report.componentVaR().keySet().containsAll(weights.keySet()));
        assertEquals(1.0, report.correlation().get("CTA").get("CTA"), 1e-12);
        assertEquals(report.correlation().get("CA").get("DS"), report.correlation().get("DS").get("CA"), 1e-12);
        // Monte Carlo VaR on normal draws sits near the Gaussian figure (sample covariance vs population sd).
        assertEquals(report.valueAtRisk().get("gaussian"), report.valueAtRisk().get("monteCarlo"), 0.002);
    }

    @Test
    void undefinedMeasuresAreNull() {
        RiskReport flat = RiskAnalysis.analyse(new RiskQuery(List.of(100.0, 101.0, 102.01, 103.0301), null, null, null,
                null, 0.95, 1, 252, 0));
        assertNull(flat.calmarRatio(), "no drawdown");
    }

    /**
     * Worked examples of Microsoft's Excel documentation, "SKEW function" (0.359543) and "KURT function"
     * (-0.151799637) on {3, 4, 5, 2, 3, 4, 5, 6, 4, 7}; pandas' Series.skew() and kurt() are the same estimators.
     */
    @Test
    void skewnessAndExcessKurtosisAreExcelsSampleAdjustedOnes() {
        double[] excelExample = {3, 4, 5, 2, 3, 4, 5, 6, 4, 7};
        assertEquals(0.359543, PerformanceMeasures.skewness(excelExample), 5e-7);
        assertEquals(-0.151799637, PerformanceMeasures.excessKurtosis(excelExample), 5e-10);
        RiskReport report = RiskAnalysis.analyse(new RiskQuery(null, boxed(excelExample), null, null, null, 0.95, 1,
                252, 0));
        assertEquals(0.359543, report.skewness(), 5e-7);
        assertEquals(-0.151799637, report.excessKurtosis(), 5e-10);
    }

    /** 100 to 146.41 over 2016-01-01..2020-01-01, 1461 days = 4 x 365.25: exactly 10% a year by the calendar. */
    @Test
    void calendarAnnualisationUsesDaysOver365Point25() {
        List<Double> prices = List.of(100.0, 120.0, 146.41);
        List<java.time.LocalDate> dates = List.of(java.time.LocalDate.of(2016, 1, 1), java.time.LocalDate.of(2018, 1, 1),
                java.time.LocalDate.of(2020, 1, 1));
        RiskReport calendar = RiskAnalysis.analyse(new RiskQuery(prices, null, null, null, null, 0.95, 1, 252, 0,
                dates, true));
        assertEquals(0.1, calendar.annualReturn(), 1e-12);
        assertEquals("calendar", calendar.annualReturnBasis());
        RiskReport periods = RiskAnalysis.analyse(new RiskQuery(prices, null, null, null, null, 0.95, 1, 252, 0,
                dates, false));
        assertEquals(Math.pow(1.4641, 252 / 2.0) - 1, periods.annualReturn(), 1e-6 * periods.annualReturn());
        assertField("dates", new RiskQuery(prices, null, null, null, null, 0.95, 1, 252, 0, null, true));
        assertField("dates", new RiskQuery(prices, null, null, null, null, 0.95, 1, 252, 0, dates.subList(0, 2), true));
        assertField("dates[2]", new RiskQuery(prices, null, null, null, null, 0.95, 1, 252, 0,
                List.of(dates.get(0), dates.get(2), dates.get(1)), true));
    }

    @Test
    void badInputNamesTheField() {
        assertField("confidence", new RiskQuery(List.of(1.0, 2.0, 3.0), null, null, null, null, 1.0, 1, 252, 0));
        assertField("prices", new RiskQuery(null, null, null, null, null, 0.95, 1, 252, 0));
        assertField("prices[1]", new RiskQuery(Arrays.asList(1.0, null, 3.0), null, null, null, null, 0.95, 1, 252, 0));
        assertField("benchmark", new RiskQuery(List.of(1.0, 2.0, 3.0), null, null, null, List.of(1.0, 2.0), 0.95, 1, 252, 0));
        assertField("weights", new RiskQuery(null, null, Map.of("A", List.of(1.0, 2.0, 3.0)), Map.of("A", 0.5),
                null, 0.95, 1, 252, 0));
        assertField("assets.B", new RiskQuery(null, null, Map.of("A", List.of(1.0, 2.0, 3.0), "B", List.of(1.0, 2.0)),
                Map.of("A", 0.5, "B", 0.5), null, 0.95, 1, 252, 0));
    }

    private static void assertField(String field, RiskQuery query) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RiskAnalysis.analyse(query));
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Double> pricesFrom(double[] returns) {
        List<Double> prices = new ArrayList<>();
        double price = 100;
        prices.add(price);
        for (double r : returns) {
            price *= 1 + r;
            prices.add(price);
        }
        return prices;
    }
}
