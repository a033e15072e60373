package com.finagent.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real provider clients (MicroProfile Rest Client) in the container, against {@link MarketStandIn}:
 * the fallback chain Polygon -> Alpaca -> Yahoo -> offline, the cache, bounded retries, rate limits, timeouts and
 * circuit breakers. Breakers keep state from test to test, so the order matters: the retry test runs while
 * Polygon's breaker has seen only successes, and after each faulting test the faulted provider is probed until it
 * answers again.
 */
@ExtendWith(DeployedApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketDataProvidersIT {

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));


    /** The breakers' delay in this test run (failsafe sets {@code CircuitBreaker/delay} for the server). */
    private static final long BREAKER_DELAY_MS = Long.parseLong(System.getenv("CircuitBreaker_delay"));
    /** What the application names each provider that a test may fault, and a symbol it is the first to list. */
    private static final Map<String, String> SOURCE = Map.of("polygon", "Polygon.io", "alpaca", "Alpaca");
    private static final Map<String, String> FIRST_TO_LIST = Map.of("polygon", "MSTR", "alpaca", "TSLA");

    /** The provider the test faulted, if any. */
    private String faulted;

    /**
     * Heals the providers and, if a test faulted one, waits until that provider answers again: its breaker, open
     * or not, lets a call through, so the next test starts from a closed breaker. Each probe asks for days not
     * asked before, so no cache answers it.
     */
    @AfterEach
    void healProviders() {
        MarketStandIn.shared().heal();
        if (faulted != null) {
            String token = api.newUserToken("probe");
            AtomicInteger probes = new AtomicInteger();
            await().atMost(Duration.ofMillis(3 * BREAKER_DELAY_MS)).pollInterval(Duration.ofMillis(200))
                    .until(() -> answeredBy(faulted, token, LocalDate.of(2022, 1, 1).plusDays(probes.incrementAndGet())));
        }
    }

    private boolean answeredBy(String provider, String token, LocalDate from) {
        ApiClient.Reply reply = api.get("/api/v1/market/history/" + FIRST_TO_LIST.get(provider) + "?from=" + from
                + "&to=2024-01-31", token);
        return reply.status() == 200 && SOURCE.get(provider).equals(reply.object().getString("source"));
    }

    private void inject(String provider, MarketStandIn.Fault fault) {
        faulted = provider;
        MarketStandIn.shared().inject(provider, fault);
    }

    @Test
    @Order(1)
    void eachSymbolIsAnsweredByTheFirstProviderThatListsItAndThenFromTheCache() {
        String token = api.newUserToken("chain");
        JsonObject nvda = quote(token, "NVDA");
        assertEquals("Polygon.io", nvda.getString("source"));
        assertEquals(123.45, nvda.getJsonNumber("price").doubleValue(), 1e-9);
        assertEquals(122.45, nvda.getJsonNumber("previousClose").doubleValue(), 1e-9, "last daily bar before today");
        assertFalse(nvda.getBoolean("cached"));
        assertTrue(quote(token, "NVDA").getBoolean("cached"), "answered from JCache the second time");

        assertEquals("Alpaca", quote(token, "TSLA").getString("source"));
        assertEquals("Yahoo Finance", quote(token, "NFLX").getString("source"));
        JsonObject aapl = quote(token, "AAPL");
        assertTrue(aapl.getBoolean("simulated"), "no provider lists AAPL: the offline feed answers");

        ApiClient.Reply history = api.get("/api/v1/market/history/TSLA?from=2024-01-01&to=2024-01-31", token);
        assertEquals(200, history.status(), history.body());
        assertEquals("Alpaca", history.object().getString("source"));
        assertEquals(2, history.object().getJsonArray("bars").size());
    }

    @Test
    @Order(1)
    void optionsChainsComeFromPolygonAndAreStored() throws java.sql.SQLException {
        String token = api.newUserToken("options");
        ApiClient.Reply chain = api.get("/api/v1/market/options/NVDA", token);
        assertEquals(200, chain.status(), chain.body());
        assertEquals("Polygon.io", chain.object().getString("source"));
        assertEquals(2, chain.object().getJsonArray("contracts").size());
        assertEquals("call", chain.object().getJsonArray("contracts").getJsonObject(0).getString("type"));
        try (var connection = java.sql.DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM options_flow WHERE symbol = 'NVDA' AND option_type IN ('call', 'put')")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 2, "the snapshot is kept in options_flow");
        }
        ApiClient.Reply unlisted = api.get("/api/v1/market/options/TSLA", token);
        assertEquals(404, unlisted.status(), unlisted.body());
        assertTrue(unlisted.contentType().startsWith("application/problem+json"));
    }

    @Test
    @Order(3)
    void rateLimitedProviderIsSkipped() {
        String token = api.newUserToken("limited");
        inject("alpaca", MarketStandIn.Fault.RATE_LIMITED);
        ApiClient.Reply history = api.get("/api/v1/market/history/TSLA?from=2024-01-01&to=2024-01-20", token);
        assertEquals(200, history.status(), history.body());
        assertEquals("Yahoo Finance", history.object().getString("source"));
    }

    @Test
    @Order(4)
    void slowProviderTimesOutAndTheNextAnswers() {
        String token = api.newUserToken("patient");
        inject("polygon", MarketStandIn.Fault.SLOW);
        long start = System.nanoTime();
        ApiClient.Reply history = api.get("/api/v1/market/history/MSTR?from=2024-01-01&to=2024-01-10", token);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(200, history.status(), history.body());
        assertEquals("Alpaca", history.object().getString("source"));
        assertTrue(seconds < 6, "the 4 s timeout cut the 6 s answer short: " + seconds + " s");
    }

    @Test
    @Order(2)
    void failingProviderIsRetriedABoundedNumberOfTimesAndTheNextAnswers() {
        String token = api.newUserToken("retry");
        inject("polygon", MarketStandIn.Fault.SERVER_ERROR);
        int before = MarketStandIn.shared().requests("polygon");
        assertEquals("Alpaca", history(token, "2023-02-01").getString("source"));
        assertEquals(3, MarketStandIn.shared().requests("polygon") - before, "one call and two retries, then the next provider");
    }

    @Test
    @Order(5)
    void circuitBreakerOpensOnAFailingProviderAndStopsCallingIt() {
        String token = api.newUserToken("breaker");
        inject("polygon", MarketStandIn.Fault.SERVER_ERROR);
        int before = MarketStandIn.shared().requests("polygon");
        for (String from : new String[] {"2023-03-01", "2023-03-02", "2023-03-03"}) {
            assertEquals("Alpaca", history(token, from).getString("source"));
        }
        int whileClosing = MarketStandIn.shared().requests("polygon") - before;
        assertTrue(whileClosing < 9, "the breaker opened before three calls of three attempts: " + whileClosing);
        int opened = MarketStandIn.shared().requests("polygon");
        inject("polygon", MarketStandIn.Fault.NONE);
        for (String from : new String[] {"2023-04-01", "2023-04-02"}) {
            assertEquals("Alpaca", history(token, from).getString("source"), "an open breaker skips Polygon");
        }
        assertEquals(opened, MarketStandIn.shared().requests("polygon"), "no request reaches Polygon while its breaker is open");
    }

    private JsonObject quote(String token, String symbol) {
        ApiClient.Reply reply = api.get("/api/v1/market/quote/" + symbol, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    private JsonObject history(String token, String from) {
        ApiClient.Reply reply = api.get("/api/v1/market/history/MSTR?from=" + from + "&to=2024-01-31", token);
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }
}
