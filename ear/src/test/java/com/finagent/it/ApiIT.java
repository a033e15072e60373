package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged EAR on a real Payara Server and PostgreSQL, driven through its public HTTP and WebSocket API. */
@ExtendWith(DeployedApplication.class)
class ApiIT {

    private static final URI BASE = URI.create("http://localhost:8080/");
    private final ApiClient api = new ApiClient(BASE);


    @Test
    void readinessChecksTheMigratedDatabaseAndTheEmbeddingModelAndLivenessAnswers() {
        JsonObject database = api.readinessCheck("database");
        assertEquals("UP", database.getString("status"));
        assertEquals(String.valueOf(latestMigration()), database.getJsonObject("data").getString("schemaVersion"),
                "every migration of the persistence module is applied");
        assertEquals("enforced", database.getJsonObject("data").getString("rowLevelSecurity"));
        JsonObject embedding = api.readinessCheck("embedding").getJsonObject("data");
        assertEquals("all-minilm-l6-v2", embedding.getString("embedder"), "the model, not the fallback: " + embedding);
        assertFalse(embedding.containsKey("fallback"), embedding.toString());
        assertEquals(200, api.get("/health/live", null).status());
    }

    @Test
    void openApiDescribesTheEndpointsAndSwaggerUiIsBundled() {
        ApiClient.Reply openapi = api.get("/openapi", null);
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.object().getJsonObject("paths");
        for (String path : List.of("/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/me",
                "/api/v1/assistants", "/api/v1/portfolios", "/api/v1/portfolios/{id}")) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path + " in " + paths.keySet());
        }
        assertTrue(openapi.object().getJsonObject("components").getJsonObject("schemas").containsKey("PortfolioRequest"),
                "request schemas are described");
        ApiClient.Reply swagger = api.get("/api-docs/", null);
        assertEquals(200, swagger.status());
        assertTrue(swagger.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, api.get("/webjars/swagger-ui/5.17.14/swagger-ui-bundle.js", null).status());
    }

    @Test
    void registersSignsInAndKnowsTheCaller() {
        String email = "Ann." + UUID.randomUUID() + "@Example.com";
        ApiClient.Reply registered = api.post("/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.PASSWORD + "\",\"displayName\":\"Ann\"}");
        assertEquals(201, registered.status(), registered.body());
        JsonObject user = registered.object().getJsonObject("user");
        assertEquals(email.toLowerCase(), user.getString("email"));
        assertFalse(registered.body().contains("password"), "no hash in responses");
        ApiClient.Reply signedIn = api.get("/api/v1/me", ApiClient.accessToken(registered.object().getJsonObject("token")));
        assertEquals(200, signedIn.status(), "registering signs the new user in");
        assertEquals(user.getString("id"), signedIn.object().getString("id"));

        ApiClient.Reply duplicate = api.post("/api/v1/auth/register", null,
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}");
        assertProblem(duplicate, 409, "/problems/validation");

        ApiClient.Reply wrongPassword = api.post("/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"not the password\"}");
        assertProblem(wrongPassword, 401, "/problems/authentication");

        JsonObject token = api.post("/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}").object();
        assertEquals("Bearer", token.getString("token_type"));
        ApiClient.Reply me = api.get("/api/v1/me", ApiClient.accessToken(token));
        assertEquals(200, me.status());
        assertEquals(user.getString("id"), me.object().getString("id"));
        assertEquals("Ann", me.object().getString("displayName"));
    }

    @Test
    void apiEndpointsRequireAValidBearerToken() {
        assertProblem(api.get("/api/v1/me", null), 401, "/problems/authentication");
        assertProblem(api.get("/api/v1/portfolios", null), 401, "/problems/authentication");
        assertProblem(api.get("/api/v1/portfolios", "not.a.token"), 401, "/problems/authentication");
        String forged = api.newUserToken("forger");
        String[] parts = forged.split("\\.");
        assertProblem(api.get("/api/v1/portfolios", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl"), 401,
                "/problems/authentication");
    }

    @Test
    void listsTheSixAssistantProfiles() {
        ApiClient.Reply assistants = api.get("/api/v1/assistants", null);
        assertEquals(200, assistants.status());
        List<String> ids = assistants.json().asJsonArray().stream()
                .map(value -> value.asJsonObject().getString("id")).toList();
        assertEquals(List.of("general", "analyst", "trader", "advisor", "riskManager", "economist"), ids);
        JsonObject analyst = assistants.json().asJsonArray().getJsonObject(1);
        for (String field : List.of("name", "description", "color", "icon")) {
            assertFalse(analyst.getString(field).isBlank(), field);
        }
        assertFalse(analyst.getJsonArray("expertise").isEmpty());
        assertFalse(analyst.containsKey("instructions"), "system prompts stay on the server");
    }

    @Test
    void portfolioLifeCycleIsPersisted() throws SQLException {
        String token = api.newUserToken("owner");
        ApiClient.Reply created = api.post("/api/v1/portfolios", token,
                "{\"name\":\"  Retirement  \",\"description\":\"Long term\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.object().getString("id");
        assertEquals("Retirement", created.object().getString("name"));

        ApiClient.Reply updated = api.put("/api/v1/portfolios/" + id, token, "{\"name\":\"Pension\"}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Pension", updated.object().getString("name"));
        assertFalse(updated.object().containsKey("description"), "description cleared");

        assertEquals(List.of("Pension"), names(api.get("/api/v1/portfolios", token)));
        assertEquals("Pension", storedPortfolioName(UUID.fromString(id), ownerOf(token)));

        assertEquals(204, api.delete("/api/v1/portfolios/" + id, token).status());
        assertProblem(api.get("/api/v1/portfolios/" + id, token), 404, "/problems/not_found");
        assertEquals(List.of(), names(api.get("/api/v1/portfolios", token)));
    }

    @Test
    void anotherUsersPortfolioIsNotFoundAndUntouched() throws SQLException {
        String alice = api.newUserToken("alice");
        String bob = api.newUserToken("bob");
        String id = api.post("/api/v1/portfolios", alice, "{\"name\":\"Alice only\"}").object().getString("id");

        assertProblem(api.get("/api/v1/portfolios/" + id, bob), 404, "/problems/not_found");
        assertProblem(api.put("/api/v1/portfolios/" + id, bob, "{\"name\":\"Hijacked\"}"), 404, "/problems/not_found");
        assertProblem(api.delete("/api/v1/portfolios/" + id, bob), 404, "/problems/not_found");
        assertEquals(List.of(), names(api.get("/api/v1/portfolios", bob)));

        assertEquals(List.of("Alice only"), names(api.get("/api/v1/portfolios", alice)));
        assertEquals("Alice only", storedPortfolioName(UUID.fromString(id), ownerOf(alice)));
        assertEquals(null, storedPortfolioName(UUID.fromString(id), ownerOf(bob)), "row-level security hides it");
    }

    @Test
    void badInputGetsAProblemThatSaysWhatWasWrong() {
        String token = api.newUserToken("careless");
        assertProblem(api.post("/api/v1/portfolios", token, "{\"name\":"), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/portfolios", token, "{\"name\":[1,2]}"), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/portfolios", token, ""), 400, "/problems/validation");

        ApiClient.Reply missing = api.post("/api/v1/portfolios", token, "{\"description\":\"no name\"}");
        assertProblem(missing, 400, "/problems/validation");
        assertEquals("name", missing.object().getJsonArray("errors").getJsonObject(0).getString("field"));

        ApiClient.Reply tooLong = api.post("/api/v1/portfolios", token, "{\"name\":\"" + "x".repeat(101) + "\"}");
        assertProblem(tooLong, 400, "/problems/validation");
        assertTrue(tooLong.object().getString("detail").contains("1 to 100"), tooLong.body());

        ApiClient.Reply weakPassword = api.post("/api/v1/auth/register", null,
                "{\"email\":\"not-an-email\",\"password\":\"short\"}");
        assertProblem(weakPassword, 400, "/problems/validation");
        List<String> fields = weakPassword.object().getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("email", "password")), fields.toString());

        assertProblem(api.get("/api/v1/portfolios/not-a-uuid", token), 404, "/problems/not_found");
        assertEquals(List.of(), names(api.get("/api/v1/portfolios", token)), "nothing was stored");
    }

    /** A Schwab export of 2015: AAPL bought, a dividend, part sold, cash in and out (valued offline). */
    private static final String SCHWAB_EXPORT = """
            "Transactions  for account XXXX-1234 as of 12/31/2015 10:00:00 ET"
            "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount",
            "03/02/2015","MoneyLink Transfer","","Tfr BANK","","","","$5,000.00",
            "03/02/2015","Buy","AAPL","APPLE INC","10","$128.40","$4.95","-$1,288.95",
            "05/14/2015","Qualified Dividend","AAPL","APPLE INC","","","","$5.20",
            "06/01/2015","Sell","AAPL","APPLE INC","4","$130.54","$4.95","$517.21",
            "Transactions Total","","","","","","","$4,233.46",
            """;

    @Test
    void aBrokerExportBecomesActivitiesPositionsAndPerformance() {
        String token = api.newUserToken("investor");
        String portfolio = api.post("/api/v1/portfolios", token, "{\"name\":\"Brokerage\"}").object().getString("id");
        String account = api.post("/api/v1/portfolios/" + portfolio + "/accounts", token,
                "{\"brokerName\":\"Schwab\",\"accountNumber\":\"XXXX-1234\",\"accountType\":\"brokerage\"}")
                .object().getString("id");
        String base = "/api/v1/portfolios/" + portfolio + "/activities";
        ApiClient.Reply preview = api.post(base + "/import", token, importing(account, SCHWAB_EXPORT, true));
        assertEquals(200, preview.status(), preview.body());
        assertEquals(4, preview.object().getJsonArray("activities").size());
        assertFalse(preview.object().getBoolean("stored"));
        assertEquals(0, api.get(base, token).json().asJsonArray().size(), "a preview stores nothing");

        String broken = SCHWAB_EXPORT.replace("\"06/01/2015\",\"Sell\"", "\"06/31/2015\",\"Sell\"");
        ApiClient.Reply refused = api.post(base + "/import", token, importing(account, broken, false));
        assertProblem(refused, 400, "/problems/validation");
        assertEquals("csv line 6", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, api.get(base, token).json().asJsonArray().size(), "a bad file changes nothing");

        ApiClient.Reply imported = api.post(base + "/import", token, importing(account, SCHWAB_EXPORT, false));
        assertEquals(200, imported.status(), imported.body());
        assertEquals(4, imported.object().getInt("added"));
        JsonObject position = api.get("/api/v1/portfolios/" + portfolio + "/summary", token).object()
                .getJsonArray("positions").getJsonObject(0);
        assertEquals("AAPL", position.getString("symbol"));
        assertEquals(6, position.getJsonNumber("quantity").intValue(), "positions follow from the activities");

        ApiClient.Reply performance = api.get("/api/v1/portfolios/" + portfolio + "/performance", token);
        assertEquals(200, performance.status(), performance.body());
        JsonObject report = performance.object();
        assertEquals("SPY", report.getString("benchmark"));
        JsonObject totals = report.getJsonObject("totals");
        // FIFO: 4 of the 10 shares bought at 128.40 + 4.95 / 10 = 128.895 each, sold at 130.54 less 4.95
        assertEquals(0, new BigDecimal("1.63").compareTo(totals.getJsonNumber("realisedGain").bigDecimalValue()));
        assertEquals(0, new BigDecimal("5.20").compareTo(totals.getJsonNumber("dividends").bigDecimalValue()));
        List<String> periods = report.getJsonArray("returns").stream()
                .map(r -> r.asJsonObject().getString("period")).toList();
        assertTrue(periods.containsAll(List.of("1M", "3M", "YTD", "1Y", "ALL")), periods.toString());
        assertTrue(report.getJsonArray("series").size() > 200, "a close for every trading day since March 2015");
        assertTrue(report.getJsonArray("sources").toString().contains("offline"), report.getJsonArray("sources").toString());

        String stranger = api.newUserToken("stranger");
        assertProblem(api.get(base, stranger), 404, "/problems/not_found");
        assertProblem(api.get("/api/v1/portfolios/" + portfolio + "/performance", stranger), 404, "/problems/not_found");

        ApiClient.Reply euro = api.post(base, token, "{\"accountId\":\"" + account + "\",\"date\":\"2015-07-01\","
                + "\"type\":\"DEPOSIT\",\"amount\":100,\"currency\":\"EUR\"}");
        assertEquals(201, euro.status(), euro.body());
        ApiClient.Reply mixed = api.get("/api/v1/portfolios/" + portfolio + "/performance", token);
        assertProblem(mixed, 409, "/problems/conflict");
        assertTrue(mixed.object().getString("detail").contains("EUR, USD"), mixed.body());

        ApiClient.Reply oversold = api.post(base, token, "{\"accountId\":\"" + account + "\",\"date\":\"2015-07-02\","
                + "\"type\":\"SELL\",\"symbol\":\"AAPL\",\"quantity\":7,\"price\":120}");
        assertProblem(oversold, 400, "/problems/validation");
        assertEquals(5, api.get(base, token).json().asJsonArray().size(), "the refused sell was not stored");
    }

    @Test
    void riskAnalyticsAnswersMeasuresAndRejectsBadSeries() {
        String token = api.newUserToken("analyst");
        ApiClient.Reply report = api.post("/api/v1/analytics/risk", token,
                "{\"prices\":[100,102,99,101,104,103,98,100,105,107],\"confidence\":0.95,\"periodsPerYear\":252}");
        assertEquals(200, report.status(), report.body());
        JsonObject measures = report.object();
        assertEquals(9, measures.getInt("observations"));
        assertTrue(measures.getJsonObject("valueAtRisk").getJsonNumber("historical").doubleValue() < 0);
        assertTrue(measures.getJsonNumber("maxDrawdown").doubleValue() < 0);

        // Excel's documented examples, "SKEW function" and "KURT function": 0.359543 and -0.151799637
        ApiClient.Reply moments = api.post("/api/v1/analytics/risk", token,
                "{\"returns\":[3,4,5,2,3,4,5,6,4,7]}");
        assertEquals(200, moments.status(), moments.body());
        assertEquals(0.359543, moments.object().getJsonNumber("skewness").doubleValue(), 5e-7);
        assertEquals(-0.151799637, moments.object().getJsonNumber("excessKurtosis").doubleValue(), 5e-10);

        ApiClient.Reply badConfidence = api.post("/api/v1/analytics/risk", token,
                "{\"prices\":[100,101,102],\"confidence\":1.5}");
        assertProblem(badConfidence, 400, "/problems/validation");
        assertEquals("confidence", badConfidence.object().getJsonArray("errors").getJsonObject(0).getString("field"));

        ApiClient.Reply mismatched = api.post("/api/v1/analytics/risk", token,
                "{\"prices\":[100,101,102,103],\"benchmark\":[10,11]}");
        assertProblem(mismatched, 400, "/problems/validation");
        assertEquals("benchmark", mismatched.object().getJsonArray("errors").getJsonObject(0).getString("field"));

        assertProblem(api.post("/api/v1/analytics/risk", token, "{\"prices\":[100,\"x\",102]}"), 400,
                "/problems/validation");
        assertProblem(api.post("/api/v1/analytics/risk", null, "{\"prices\":[1,2,3]}"), 401, "/problems/authentication");
    }

    @Test
    void monteCarloRunsOnTheManagedExecutorAndIsReproducible() {
        String token = api.newUserToken("simulator");
        String request = "{\"assets\":{\"A\":[100,101,99,102,104,103,106,105,108,110],"
                + "\"B\":[50,50.5,50.2,50.9,51.3,51.0,51.8,52.0,52.4,52.1]},"
                + "\"weights\":{\"A\":0.6,\"B\":0.4},\"initialValue\":10000,\"paths\":5000,\"steps\":63,"
                + "\"bandPoints\":9,\"seed\":99}";
        ApiClient.Reply first = api.post("/api/v1/analytics/monte-carlo", token, request);
        assertEquals(200, first.status(), first.body());
        JsonObject report = first.object();
        assertEquals(9, report.getJsonArray("bands").size());
        assertEquals(63, report.getJsonArray("bandSteps").getInt(8));
        assertEquals(5000L * 63, report.getJsonNumber("pathSteps").longValue());
        assertEquals(first.body(), api.post("/api/v1/analytics/monte-carlo", token, request).body(), "same seed, same result");

        ApiClient.Reply badWeights = api.post("/api/v1/analytics/monte-carlo", token,
                "{\"assets\":{\"A\":[1,2,3]},\"weights\":{\"A\":0.5}}");
        assertProblem(badWeights, 400, "/problems/validation");
        assertEquals("weights", badWeights.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void indicatorsAnswerOneValuePerBarAndNameUnknownIndicators() {
        String token = api.newUserToken("chartist");
        ApiClient.Reply reply = api.post("/api/v1/analytics/indicators", token,
                "{\"closes\":[1,2,3,4,5],\"indicators\":[\"sma\"],\"period\":3}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("[null,null,2.0,3.0,4.0]", reply.object().getJsonArray("sma").toString());

        ApiClient.Reply unknown = api.post("/api/v1/analytics/indicators", token,
                "{\"closes\":[1,2,3],\"indicators\":[\"astrology\"]}");
        assertProblem(unknown, 400, "/problems/validation");
        assertTrue(unknown.object().getString("detail").contains("astrology"), unknown.body());
    }

    @Test
    void macroIndicatorsComeFromFredWithTheirSeriesAndDatesThenFromTheCache() {
        String token = api.newUserToken("economist");
        ApiClient.Reply first = api.get("/api/v1/macro/indicators", token);
        assertEquals(200, first.status(), first.body());
        int fredRequests = MarketStandIn.shared().requests("fred");
        JsonObject snapshot = api.get("/api/v1/macro/indicators?region=US", token).object();
        assertTrue(snapshot.getBoolean("cached"), snapshot.toString());
        assertEquals(fredRequests, MarketStandIn.shared().requests("fred"), "the second answer is the cached one");
        assertEquals(0, snapshot.getJsonArray("missing").size(), snapshot.toString());
        assertEquals(11, snapshot.getJsonArray("figures").size());
        JsonObject inflation = snapshot.getJsonArray("figures").getJsonObject(0);
        assertEquals("inflationYoY", inflation.getString("metric"));
        assertEquals(2.92, inflation.getJsonNumber("value").doubleValue(), 1e-9, "323.976 / 314.796 - 1");
        assertEquals("2025-08-01", inflation.getString("date"));
        assertEquals("fred", inflation.getString("source"));
        assertEquals("CPIAUCSL 323.976 on 2025-08-01 against 314.796 on 2024-08-01", inflation.getString("basis"));
        assertEquals("https://fred.stlouisfed.org/series/CPIAUCSL", inflation.getString("url"));
        assertTrue(snapshot.getJsonArray("figures").stream().map(f -> f.asJsonObject())
                .anyMatch(f -> f.getString("metric").equals("yieldCurve10y2y") && f.getJsonNumber("value").intValue() == -12
                        && f.getString("units").equals("basis points")), snapshot.toString());

        assertProblem(api.get("/api/v1/macro/indicators?region=EU", token), 400, "/problems/validation");
        assertEquals(401, api.get("/api/v1/macro/indicators", null).status());
    }

    @Test
    void marketDataComesFromTheLabelledOfflineSourceAndIsStored() throws SQLException {
        String token = api.newUserToken("investor");
        ApiClient.Reply quote = api.get("/api/v1/market/quote/aapl", token);
        assertEquals(200, quote.status(), quote.body());
        assertEquals("AAPL", quote.object().getString("symbol"));
        assertTrue(quote.object().getBoolean("simulated"));
        assertTrue(quote.object().getString("source").contains("simulated"));
        assertEquals(172.440002, quote.object().getJsonNumber("previousClose").doubleValue(), 1e-9);

        ApiClient.Reply history = api.get("/api/v1/market/history/KO?from=2014-01-01&to=2014-01-31", token);
        assertEquals(200, history.status(), history.body());
        assertEquals(21, history.object().getJsonArray("bars").size(), "January 2014 trading days");
        assertTrue(history.object().getString("source").startsWith("offline"));
        ApiClient.Reply again = api.get("/api/v1/market/history/KO?interval=1mo", token);
        assertEquals(36, again.object().getJsonArray("bars").size(), "2012-2014 by month");
        try (Connection connection = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             ResultSet count = connection.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT timestamp) FROM price_history WHERE symbol = 'KO'")) {
            count.next();
            assertEquals(754, count.getLong(1), "every bundled KO bar stored once");
            assertEquals(count.getLong(1), count.getLong(2));
        }

        ApiClient.Reply compare = api.get("/api/v1/market/compare?symbols=AAPL,MSFT,SPY&from=2010-01-01&to=2010-12-31", token);
        assertEquals(200, compare.status(), compare.body());
        assertEquals(1.0, compare.object().getJsonArray("correlation").getJsonArray(1).getJsonNumber(1).doubleValue(), 1e-12);
        assertEquals(100.0, compare.object().getJsonObject("normalised").getJsonArray("MSFT").getJsonNumber(0).doubleValue(), 1e-9);

        assertProblem(api.get("/api/v1/market/quote/NOSUCH", token), 404, "/problems/not_found");
        assertProblem(api.get("/api/v1/market/history/AAPL?from=yesterday", token), 400, "/problems/validation");
        assertProblem(api.get("/api/v1/market/history/AAPL?interval=5m", token), 400, "/problems/validation");
        assertProblem(api.get("/api/v1/market/compare?symbols=AAPL", token), 400, "/problems/validation");
    }

    @Test
    void optimisationAnswersWeightsAndAFrontier() {
        String token = api.newUserToken("optimiser");
        String prices = "\"prices\":{\"A\":[100,101,103,102,105,107,106,109,111,112],"
                + "\"B\":[50,49.5,50.5,51,50.2,51.5,52,51.1,52.6,53],\"C\":[20,20.5,20.1,20.9,21.4,21.0,21.8,22.5,22.1,23]}";
        ApiClient.Reply reply = api.post("/api/v1/analytics/optimize", token,
                "{" + prices + ",\"objective\":\"maxSharpe\",\"frontierPoints\":5}");
        assertEquals(200, reply.status(), reply.body());
        JsonObject weights = reply.object().getJsonObject("weights");
        double sum = weights.values().stream().mapToDouble(v -> ((jakarta.json.JsonNumber) v).doubleValue()).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(5, reply.object().getJsonArray("frontier").size());

        ApiClient.Reply missingTarget = api.post("/api/v1/analytics/optimize", token,
                "{" + prices + ",\"objective\":\"efficientRisk\"}");
        assertProblem(missingTarget, 400, "/problems/validation");
        assertEquals("targetVolatility", missingTarget.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.post("/api/v1/analytics/optimize", token, "{" + prices + ",\"objective\":\"yolo\"}"), 400,
                "/problems/validation");
    }

    /**
     * PyPortfolioOpt's 20-ticker test panel (tests/resources/stock_prices.csv, bundled as offline history) by symbol:
     * the figures of its tests/test_efficient_frontier.py::test_max_sharpe_long_only and the shares of
     * tests/test_discrete_allocation.py::test_greedy_portfolio_allocation.
     */
    @Test
    void optimisationTakesThePyPortfolioOptPanelAsItIs() {
        String token = api.newUserToken("panel-optimiser");
        String symbols = "[\"GOOG\",\"AAPL\",\"FB\",\"BABA\",\"AMZN\",\"GE\",\"AMD\",\"WMT\",\"BAC\",\"GM\",\"T\","
                + "\"UAA\",\"SHLD\",\"XOM\",\"RRC\",\"BBY\",\"MA\",\"PFE\",\"JPM\",\"SBUX\"]";
        ApiClient.Reply reply = api.post("/api/v1/analytics/optimize", token, "{\"symbols\":" + symbols
                + ",\"objective\":\"maxSharpe\",\"riskFreeRate\":0.02,\"frontierPoints\":0,"
                + "\"portfolioValue\":10000,\"shortRatio\":0.3}");
        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.object();
        assertEquals(0.3047768672819914, report.getJsonNumber("expectedReturn").doubleValue(), 1e-7);
        assertEquals(0.22165566922402932, report.getJsonNumber("volatility").doubleValue(), 1e-7);
        assertEquals(1.2847714127003216, report.getJsonNumber("sharpeRatio").doubleValue(), 1e-7);
        assertEquals("2014-09-19", report.getJsonObject("firstDates").getString("BABA"));
        JsonObject shares = report.getJsonObject("allocation").getJsonObject("shares");
        assertEquals(Map.of("MA", 20, "FB", 12, "PFE", 54, "BABA", 4, "AAPL", 4, "BBY", 2, "SBUX", 1, "GOOG", 1),
                shares.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> ((jakarta.json.JsonNumber) e.getValue()).intValue())));

        ApiClient.Reply notNeutral = api.post("/api/v1/analytics/optimize", token, "{\"symbols\":[\"AAPL\",\"GE\"],"
                + "\"objective\":\"maxSharpe\",\"marketNeutral\":true}");
        assertProblem(notNeutral, 400, "/problems/validation");
        assertEquals("marketNeutral", notNeutral.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void servesTheFrontEndAndItsDeepLinks() {
        ApiClient.Reply root = api.get("/", null);
        assertEquals(200, root.status());
        assertTrue(root.body().contains("<title>Fin Agent</title>"), "the Next.js export is served");
        ApiClient.Reply deepLink = api.get("/portfolios", null);
        assertEquals(200, deepLink.status());
        assertEquals(root.body(), deepLink.body(), "a deep link loads the app");
    }

    @Test
    void webSocketEchoesTypedMessagesForAnAuthenticatedUser() throws Exception {
        String token = api.newUserToken("socket");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/echo?access_token=" + token), new SocketCollector(received, null))
                .get(10, TimeUnit.SECONDS);

        JsonObject welcome = parse(received.poll(10, TimeUnit.SECONDS));
        assertEquals("welcome", welcome.getString("type"));
        String userId = welcome.getJsonObject("payload").getString("user");
        assertEquals(ownerOf(token).toString(), userId);

        socket.sendText("{\"type\":\"ping\",\"payload\":{\"n\":42}}", true).get(5, TimeUnit.SECONDS);
        JsonObject echo = parse(received.poll(10, TimeUnit.SECONDS));
        assertEquals("echo", echo.getString("type"));
        assertEquals("ping", echo.getJsonObject("payload").getString("receivedType"));
        assertEquals(42, echo.getJsonObject("payload").getJsonObject("payload").getInt("n"));

        socket.sendText("not json", true).get(5, TimeUnit.SECONDS);
        assertEquals("error", parse(received.poll(10, TimeUnit.SECONDS)).getString("type"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void marketStreamSendsEachListenerOnlyItsOwnSymbols() throws Exception {
        String token = api.newUserToken("streamer");
        BlockingQueue<String> aaplListener = new LinkedBlockingQueue<>();
        BlockingQueue<String> msftListener = new LinkedBlockingQueue<>();
        WebSocket first = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/market?access_token=" + token), new SocketCollector(aaplListener, null))
                .get(10, TimeUnit.SECONDS);
        WebSocket second = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/market?access_token=" + token), new SocketCollector(msftListener, null))
                .get(10, TimeUnit.SECONDS);
        first.sendText("{\"type\":\"subscribe\",\"symbols\":[\"aapl\"]}", true).get(5, TimeUnit.SECONDS);
        second.sendText("{\"type\":\"subscribe\",\"symbols\":[\"MSFT\",\"SPY\"]}", true).get(5, TimeUnit.SECONDS);
        assertEquals("[\"AAPL\"]", nextOfType(aaplListener, "subscribed").getJsonArray("symbols").toString());
        assertEquals("[\"MSFT\",\"SPY\"]", nextOfType(msftListener, "subscribed").getJsonArray("symbols").toString());

        JsonObject aaplTicks = nextOfType(aaplListener, "ticks");
        assertEquals(1, aaplTicks.getJsonArray("q").size());
        assertEquals("AAPL", aaplTicks.getJsonArray("q").getJsonArray(0).getString(0));
        assertTrue(aaplTicks.getJsonArray("q").getJsonArray(0).getJsonNumber(1).doubleValue() > 0);
        JsonObject msftTicks = nextOfType(msftListener, "ticks");
        assertEquals(2, msftTicks.getJsonArray("q").size(), "one entry per symbol per batch");

        first.sendText("{\"type\":\"unsubscribe\",\"symbols\":[\"AAPL\"]}", true).get(5, TimeUnit.SECONDS);
        // A batch already on its way may arrive before the confirmation; none may arrive after it.
        assertEquals("[]", nextOfType(aaplListener, "subscribed").getJsonArray("symbols").toString());
        aaplListener.clear();
        assertEquals(null, aaplListener.poll(2500, TimeUnit.MILLISECONDS), "no ticks after unsubscribing");

        second.sendText("{\"type\":\"subscribe\",\"symbols\":\"MSFT\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("error", nextOfType(msftListener, "error").getString("type"));
        first.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        second.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void sentimentScoresEachTextInOrderAndStoresIt() throws java.sql.SQLException {
        String token = api.newUserToken("sentiment");
        ApiClient.Reply reply = api.post("/api/v1/sentiment/analyze", token, "{\"symbol\":\"NOK\",\"texts\":["
                + "\"Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.\","
                + "\"The company's net sales decreased by 5 % to EUR 40.2 mn and it swung to a loss.\","
                + "\"The contract includes the delivery of twenty cranes.\", \"\"]}");
        assertEquals(200, reply.status(), reply.body());
        JsonObject analysis = reply.object();
        assertTrue(analysis.getString("model").contains("offline"), "the model is named: " + analysis);
        var results = analysis.getJsonArray("results");
        assertEquals(4, results.size());
        assertEquals("positive", results.getJsonObject(0).getString("label"));
        assertEquals("negative", results.getJsonObject(1).getString("label"));
        assertEquals("neutral", results.getJsonObject(2).getString("label"));
        assertEquals(0.0, results.getJsonObject(3).getJsonNumber("confidence").doubleValue(), "nothing to read");
        for (int i = 0; i < 3; i++) {
            double score = results.getJsonObject(i).getJsonNumber("score").doubleValue();
            assertTrue(score >= -1 && score <= 1);
        }
        try (var connection = java.sql.DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM sentiment_data WHERE symbol = 'NOK' AND source = 'api'"
                             + " AND cardinality(embedding) = 384 AND embedder = 'all-minilm-l6-v2'")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 3, "scored texts are kept in sentiment_data with the model's embedding");
        }

        StringBuilder tooMany = new StringBuilder("{\"texts\":[");
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ",").append("\"t\"");
        }
        ApiClient.Reply rejected = api.post("/api/v1/sentiment/analyze", token, tooMany.append("]}").toString());
        assertEquals(400, rejected.status(), rejected.body());
        assertTrue(rejected.body().contains("texts"), rejected.body());
        assertEquals(400, api.post("/api/v1/sentiment/analyze", token, "{\"texts\":[]}").status());
        assertEquals(400, api.post("/api/v1/sentiment/analyze", token, "{\"texts\":[1, 2]}").status());
    }

    @Test
    void webSocketWithoutAValidTokenIsClosedAsAPolicyViolation() throws Exception {
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/echo?access_token=forged"),
                        new SocketCollector(new LinkedBlockingQueue<>(), closeCode))
                .get(10, TimeUnit.SECONDS);
        assertEquals(1008, closeCode.get(10, TimeUnit.SECONDS));
    }

    private static String importing(String accountId, String csv, boolean preview) {
        return ApiClient.json(Json.createObjectBuilder().add("accountId", accountId).add("preset", "schwab")
                .add("preview", preview).add("csv", csv).build());
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.object();
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no internals: " + reply.body());
    }

    private static List<String> names(ApiClient.Reply list) {
        assertEquals(200, list.status(), list.body());
        return list.json().asJsonArray().stream().map(value -> value.asJsonObject().getString("name")).toList();
    }

    private UUID ownerOf(String token) {
        return UUID.fromString(api.get("/api/v1/me", token).object().getString("id"));
    }

    /** Reads the row straight from PostgreSQL as the application role, acting as {@code user}. */
    private static String storedPortfolioName(UUID portfolioId, UUID user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"))) {
            connection.setAutoCommit(false);
            try (PreparedStatement act = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                act.setString(1, user.toString());
                act.executeQuery().close();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT name FROM portfolios WHERE id = ?")) {
                query.setObject(1, portfolioId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** The next message of {@code type}, skipping tick batches that were already on their way. */
    private static JsonObject nextOfType(BlockingQueue<String> received, String type) throws InterruptedException {
        for (int skipped = 0; skipped < 20; skipped++) {
            JsonObject message = parse(received.poll(10, TimeUnit.SECONDS));
            if (message.getString("type").equals(type)) {
                return message;
            }
            assertEquals("ticks", message.getString("type"), "only tick batches may come in between");
        }
        throw new AssertionError("no '" + type + "' message arrived");
    }

    private static JsonObject parse(String text) {
        assertNotNull(text, "no message arrived");
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The highest Flyway version among the persistence module's migrations (V<n>__*.sql). */
    private static int latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "persistence", "src", "main", "resources",
                "db", "migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
