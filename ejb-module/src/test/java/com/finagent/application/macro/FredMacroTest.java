package com.finagent.application.macro;

import com.finagent.application.search.SearchRestClients;
import com.finagent.application.search.SearchStandIn.Answer;
import com.finagent.application.search.SearchStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FRED client, built with MicroProfile Rest Client as in production, and the US snapshot read through it,
 * against a local server speaking FRED's JSON: missing values, FRED's 400 for a bad key, 429, a slow answer, and
 * the arithmetic of every derived figure on known observations.
 */
class FredMacroTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz012345";
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 20);
    private static final Instant NOW = Instant.parse("2025-01-20T15:00:00Z");

    private FredStandIn fred;

    @BeforeEach
    void start() {
        fred = new FredStandIn();
    }

    @AfterEach
    void stop() {
        fred.close();
    }

    private FredClient client(Duration timeout) {
        return new FredClient(SearchRestClients.build(fred.url(), FredApi.class, timeout), KEY);
    }

    private MacroSnapshot snapshot() {
        return UsIndicators.snapshot(client(Duration.ofSeconds(2))::observations, TODAY, NOW);
    }

    @Test
    void observationsComeNewestFirstWithoutFredsMissingValues() {
        List<FredObservation> observations = client(Duration.ofSeconds(2)).observations("DGS10", LocalDate.of(2024, 8, 20));
        assertEquals(new FredObservation(LocalDate.of(2025, 1, 17), 4.61), observations.get(0), "'.' on 2025-01-20 left out");
        assertEquals(5, observations.size());

        SearchStandIn.Request request = fred.requests().get(0);
        assertEquals("/fred/series/observations", request.path());
        assertEquals(Map.of("series_id", "DGS10", "api_key", KEY, "file_type", "json", "observation_start", "2024-08-20",
                "sort_order", "desc"), request.query());
    }

    @Test
    void everyFigureIsComputedFromItsObservations() {
        MacroSnapshot snapshot = snapshot();
        assertEquals(List.of(), snapshot.missing());
        Map<String, MacroFigure> figures = snapshot.figures().stream()
                .collect(Collectors.toMap(MacroFigure::metric, Function.identity()));
        assertEquals(List.of("inflationYoY", "coreInflationYoY", "unemployment", "unemploymentChange", "payrollsChange",
                "policyRate", "policyRateChange", "yield10y", "yield10yChange", "yieldCurve10y2y", "gdpGrowth"),
                snapshot.figures().stream().map(MacroFigure::metric).toList());

        // 315.605 / 308.742 - 1 = 2.2229 %, December on December
        assertFigure(figures.get("inflationYoY"), 2.22, "percent", "2024-12-01", "CPIAUCSL");
        assertEquals("CPIAUCSL 315.605 on 2024-12-01 against 308.742 on 2023-12-01", figures.get("inflationYoY").basis());
        // 321.6 / 311.528 - 1 = 3.2331 %
        assertFigure(figures.get("coreInflationYoY"), 3.23, "percent", "2024-12-01", "CPILFESL");
        assertFigure(figures.get("unemployment"), 4.1, "percent", "2024-12-01", "UNRATE");
        // 4.1 - 3.8, not 0.2999999999999998
        assertFigure(figures.get("unemploymentChange"), 0.3, "percentage points", "2024-12-01", "UNRATE");
        assertFigure(figures.get("payrollsChange"), 256, "thousand jobs", "2024-12-01", "PAYEMS");
        assertFigure(figures.get("policyRate"), 4.33, "percent", "2025-01-19", "DFF");
        // 4.33 on 2025-01-19 against 4.83 on 2024-10-19
        assertFigure(figures.get("policyRateChange"), -50, "basis points", "2025-01-19", "DFF");
        assertFigure(figures.get("yield10y"), 4.61, "percent", "2025-01-17", "DGS10");
        // no observation on 2024-10-17: the last one before it, 4.04 on 2024-10-16
        assertFigure(figures.get("yield10yChange"), 57, "basis points", "2025-01-17", "DGS10");
        assertEquals("DGS10 4.61 on 2025-01-17 against 4.04 on 2024-10-16", figures.get("yield10yChange").basis());
        assertFigure(figures.get("yieldCurve10y2y"), 34, "basis points", "2025-01-17", "T10Y2Y");
        assertFigure(figures.get("gdpGrowth"), 3.1, "percent", "2024-07-01", "A191RL1Q225SBEA");

        assertEquals("2.22%", figures.get("inflationYoY").text());
        assertEquals("-50 basis points", figures.get("policyRateChange").text());
        assertEquals("https://fred.stlouisfed.org/series/CPIAUCSL", figures.get("inflationYoY").url());
        assertEquals(LocalDate.of(2025, 1, 19), snapshot.latestDate());
        assertEquals(UsIndicators.seriesIds().size(), fred.requests().size(), "one request a series");
        assertEquals("2022-07-20", fred.requests().get(0).query().get("observation_start"), "30 months of CPI");
    }

    @Test
    void aMissingLatestMonthFallsBackToTheLatestMonthWithAYearBeforeIt() {
        // FRED has no October 2025 CPI (the federal shutdown): the series then ends in "."
        fred.answer("CPIAUCSL", Answer.ok(FredStandIn.envelope("2023-04-20", "2025-10-01", ".",
                "2025-09-01", "324.368", "2025-08-01", "323.364", "2024-10-01", "315.664", "2024-09-01", "315.301")));
        MacroFigure inflation = snapshot().figures().get(0);
        // 324.368 / 315.301 - 1 = 2.8757 %
        assertFigure(inflation, 2.88, "percent", "2025-09-01", "CPIAUCSL");
    }

    @Test
    void aSeriesWithTooFewObservationsIsMissingNotGuessed() {
        fred.answer("PAYEMS", Answer.ok(FredStandIn.envelope("2024-01-20", "2024-12-01", "159288",
                "2024-11-01", ".")));
        MacroSnapshot snapshot = snapshot();
        assertTrue(snapshot.figures().stream().noneMatch(f -> f.metric().equals("payrollsChange")));
        assertEquals(List.of(new MacroSnapshot.Missing("PAYEMS", "too few observations for payrollsChange since 2024-01-20")),
                snapshot.missing());
    }

    @Test
    void aBadKeyIsFredsOwnExplanationAndNoOtherSeriesIsAsked() {
        fred.answer("CPIAUCSL", new Answer(400, FredStandIn.BAD_KEY, 0));
        FredRejectedException rejected = assertThrows(FredRejectedException.class,
                () -> client(Duration.ofSeconds(2)).observations("CPIAUCSL", TODAY));
        assertEquals("FRED rejected the request: Bad Request. The value for variable api_key is not registered. Read "
                + "https://fred.stlouisfed.org/docs/api/api_key.html for more information.", rejected.getMessage());

        fred.forgetRequests();
        MacroSnapshot snapshot = snapshot();
        assertTrue(snapshot.figures().isEmpty());
        assertEquals(1, fred.requests().size(), "a rejected key is not tried on every series");
        assertEquals(rejected.getMessage(), snapshot.failure());
        assertEquals("not asked: " + rejected.getMessage(), snapshot.missing().get(7).reason());
        assertEquals(UsIndicators.seriesIds(), snapshot.missing().stream().map(MacroSnapshot.Missing::seriesId).toList());
    }

    @Test
    void aKeyFredEchoesIsNeverRepeated() {
        fred.answer("UNRATE", new Answer(400, "{\"error_code\":400,\"error_message\":\"Bad Request.  Key "
                + KEY + " is not registered.\"}", 0));
        FredRejectedException rejected = assertThrows(FredRejectedException.class,
                () -> client(Duration.ofSeconds(2)).observations("UNRATE", TODAY));
        assertFalse(rejected.getMessage().contains(KEY), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("Key *** is not registered"), rejected.getMessage());
    }

    @Test
    void aRateLimitStopsTheSnapshotAndAServerErrorLosesOnlyItsSeries() {
        fred.answer("DFF", new Answer(429, FredStandIn.RATE_LIMITED, 0));
        MacroSnapshot limited = snapshot();
        assertEquals("FRED is limiting our requests (HTTP 429); try again in a minute",
                limited.missing().get(0).reason());
        assertEquals(List.of("DFF", "DGS10", "T10Y2Y", "A191RL1Q225SBEA"),
                limited.missing().stream().map(MacroSnapshot.Missing::seriesId).toList());
        assertEquals(5, limited.figures().size(), "what came before the limit is kept");

        fred.restoreAnswers();
        fred.answer("DGS10", new Answer(500, "{\"error_code\":500,\"error_message\":\"Internal Server Error\"}", 0));
        MacroSnapshot partial = snapshot();
        assertEquals(List.of(new MacroSnapshot.Missing("DGS10", "FRED answered HTTP 500")), partial.missing());
        assertEquals(9, partial.figures().size());
        FredUnavailableException transientFailure = assertThrows(FredUnavailableException.class,
                () -> client(Duration.ofSeconds(2)).observations("DGS10", TODAY));
        assertFalse(transientFailure instanceof FredRejectedException, "a server error is retried, a rejection is not");
    }

    @Test
    void aSlowFredTimesOut() {
        fred.answer("UNRATE", new Answer(200, FredStandIn.envelope("2024-01-01", "2024-12-01", "4.1"), 2_000));
        FredUnavailableException late = assertThrows(FredUnavailableException.class,
                () -> client(Duration.ofMillis(300)).observations("UNRATE", TODAY));
        assertEquals("FRED did not answer in time", late.getMessage());
    }

    @Test
    void anUnreadableValueIsAFailureNotAZero() {
        fred.answer("UNRATE", Answer.ok(FredStandIn.envelope("2024-01-01", "2024-12-01", "n/a")));
        FredUnavailableException unreadable = assertThrows(FredUnavailableException.class,
                () -> client(Duration.ofSeconds(2)).observations("UNRATE", TODAY));
        assertEquals("FRED sent an unreadable observation of UNRATE", unreadable.getMessage());
        assertInstanceOf(NumberFormatException.class, unreadable.getCause());

        fred.answer("UNRATE", Answer.ok(FredStandIn.envelope("2024-01-01", "2024-12-01", "NaN")));
        assertThrows(FredUnavailableException.class, () -> client(Duration.ofSeconds(2)).observations("UNRATE", TODAY));
    }

    @Test
    void fredCoversTheUnitedStatesOnly() {
        for (String us : new String[]{null, "", "US", "us", "U.S.", "USA", "United States"}) {
            assertTrue(UsIndicators.covers(us), us);
        }
        for (String other : new String[]{"EU", "euro area", "UK", "China", "Japan"}) {
            assertFalse(UsIndicators.covers(other), other);
        }
    }

    private static void assertFigure(MacroFigure figure, double value, String units, String date, String series) {
        assertNotNull(figure);
        assertEquals(value, figure.value(), 0.0, figure.metric());
        assertEquals(units, figure.units(), figure.metric());
        assertEquals(LocalDate.parse(date), figure.date(), figure.metric());
        assertEquals(series, figure.seriesId(), figure.metric());
        assertEquals(MacroFigure.SOURCE, figure.source());
    }
}
