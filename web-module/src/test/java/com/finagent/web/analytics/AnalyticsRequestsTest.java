package com.finagent.web.analytics;

import com.finagent.application.analytics.OptimizationQuery;
import com.finagent.application.analytics.RiskQuery;
import com.finagent.application.error.FinAgentException;
import com.finagent.web.api.JsonbConfiguration;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analytics request records as the API's JSON-B reads them, and their defaults. */
class AnalyticsRequestsTest {

    private final Jsonb jsonb = JsonbConfiguration.create();

    @Test
    void datedSeriesWithDifferentStartsBecomeSortedMaps() {
        OptimizationRequest request = jsonb.fromJson("{\"objective\":\"efficientReturn\",\"targetReturn\":0.1,"
                + "\"marketNeutral\":true,\"weightBounds\":[null,null],"
                + "\"series\":{\"OLD\":[{\"date\":\"2020-01-03\",\"close\":11},{\"date\":\"2020-01-02\",\"close\":10}],"
                + "\"NEW\":[{\"date\":\"2020-01-03\",\"close\":5},{\"date\":\"2020-01-06\",\"close\":5.5}]}}",
                OptimizationRequest.class);
        OptimizationQuery query = request.toQuery();
        assertEquals(List.of(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3)),
                List.copyOf(query.series().get("OLD").keySet()));
        assertEquals(5.5, query.series().get("NEW").get(LocalDate.of(2020, 1, 6)));
        assertTrue(query.marketNeutral());
        assertEquals(2, query.weightBounds().size());
        assertNull(query.weightBounds().get(0), "PyPortfolioOpt's None");
        assertEquals(0.02, query.riskFreeRate());
        assertEquals(252, query.periodsPerYear());
        assertEquals("sample", query.covarianceModel());
    }

    @Test
    void aDateTwiceIsAProblemNamingTheSeries() {
        OptimizationRequest request = jsonb.fromJson("{\"objective\":\"minVolatility\",\"series\":{\"A\":["
                + "{\"date\":\"2020-01-02\",\"close\":10},{\"date\":\"2020-01-02\",\"close\":11}]}}",
                OptimizationRequest.class);
        FinAgentException problem = assertThrows(FinAgentException.class, request::toQuery);
        assertEquals("series.A", problem.getFieldErrors().get(0).field());
    }

    /** Malformed bodies (most of EdgeIT's): a JsonbException each, which the problem mapper turns into a 400. */
    @Test
    void malformedBodiesFailAsJsonb() {
        for (String body : List.of("[]", "{\"prices\":{}}", "{\"prices\":[1,2,\"x\"]}", "7",
                "{\"dates\":[\"yesterday\"]}")) {
            assertThrows(JsonbException.class, () -> jsonb.fromJson(body, RiskRequest.class), body);
        }
        for (String body : List.of("[]", "{\"series\":{\"A\":[{\"date\":\"2020-13-01\",\"close\":1}]}}",
                "{\"series\":[1]}")) {
            assertThrows(JsonbException.class, () -> jsonb.fromJson(body, OptimizationRequest.class), body);
        }
    }

    @Test
    void riskRequestReadsDatesAndCalendarAnnualisation() {
        RiskQuery query = jsonb.fromJson("{\"prices\":[100,120,146.41],\"dates\":[\"2016-01-01\",\"2018-01-01\","
                + "\"2020-01-01\"],\"annualisation\":\"calendar\"}", RiskRequest.class).toQuery();
        assertTrue(query.calendarYears());
        assertEquals(LocalDate.of(2020, 1, 1), query.dates().get(2));
        assertEquals(0.95, query.confidence());
    }
}
