package com.finagent.it;

import io.smallrye.graphql.client.InvalidResponseException;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClientBuilder;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphQL beside REST: {@code /graphql} queried with SmallRye GraphQL's dynamic client, over the same services,
 * authentication and per-user scoping as the REST API, within its depth and complexity limits, and with errors
 * that name no internals.
 */
@ExtendWith(DeployedApplication.class)
class GraphQlIT {

    private static final URI BASE = URI.create("http://localhost:8080/");
    private static final String GRAPHQL = BASE.resolve("/graphql").toString();

    /** The front end's dashboard query (frontend/lib/graphql.ts), as the browser sends it. */
    static final String DASHBOARD = """
            query Dashboard($symbols: [String!]!) {
              me { id email displayName }
              portfolios {
                id name updatedAt
                valuation {
                  marketValue costBasis unrealizedPnl unrealizedPnlPercent dayChange
                  positions { id symbol quantity averageCost price marketValue unrealizedPnl priceSource }
                }
              }
              quotes(symbols: $symbols) { symbol price previousClose changePercent source simulated }
              debates(limit: 5) { id query status rating createdAt }
              alerts { id symbol message debateId readAt }
              ratingWatches { symbol rating muted }
            }""";

    private final ApiClient api = new ApiClient(BASE);


    @Test
    void theDashboardQueryAnswersTheCallersOwnDataAsRestDoes() throws Exception {
        String ann = api.newUserToken("ann");
        String bob = api.newUserToken("bob");
        String annPortfolio = portfolioWithPosition(ann, "Ann's savings", "AAPL", 10, 150);
        String bobPortfolio = portfolioWithPosition(bob, "Bob's gambles", "MSFT", 3, 40);

        JsonObject dashboard;
        try (DynamicGraphQLClient client = client(ann)) {
            Response response = client.executeSync(DASHBOARD, Map.of("symbols", List.of("aapl")));
            assertFalse(response.hasError(), String.valueOf(response.getErrors()));
            dashboard = response.getData();
        }
        JsonObject me = api.get("/api/v1/me", ann).object();
        assertEquals(me.getString("id"), dashboard.getJsonObject("me").getString("id"));
        assertEquals(me.getString("email"), dashboard.getJsonObject("me").getString("email"));

        JsonArray portfolios = dashboard.getJsonArray("portfolios");
        assertEquals(1, portfolios.size(), "Ann's portfolio only, not Bob's: " + portfolios);
        JsonObject portfolio = portfolios.getJsonObject(0);
        assertEquals(annPortfolio, portfolio.getString("id"));
        assertEquals("Ann's savings", portfolio.getString("name"));
        assertFalse(dashboard.toString().contains(bobPortfolio) || dashboard.toString().contains("MSFT"),
                "nothing of Bob's: " + dashboard);

        JsonObject valuation = portfolio.getJsonObject("valuation");
        JsonObject summary = api.get("/api/v1/portfolios/" + annPortfolio + "/summary", ann).object();
        assertEquals(summary.getJsonNumber("costBasis").bigDecimalValue(),
                valuation.getJsonNumber("costBasis").bigDecimalValue(), "the valuation REST's summary uses");
        assertEquals(0, valuation.getJsonNumber("costBasis").bigDecimalValue().compareTo(new BigDecimal("1500")));
        JsonObject position = valuation.getJsonArray("positions").getJsonObject(0);
        assertEquals("AAPL", position.getString("symbol"));
        assertEquals(10, position.getJsonNumber("quantity").intValue());
        assertEquals(summary.getJsonArray("positions").getJsonObject(0).getString("priceSource"),
                position.getString("priceSource"));
        assertEquals(0, position.getJsonNumber("marketValue").bigDecimalValue()
                .subtract(position.getJsonNumber("unrealizedPnl").bigDecimalValue()).compareTo(new BigDecimal("1500")),
                "P&L is market value less cost: " + position);

        JsonObject quote = dashboard.getJsonArray("quotes").getJsonObject(0);
        JsonObject restQuote = api.get("/api/v1/market/quote/AAPL", ann).object();
        assertEquals("AAPL", quote.getString("symbol"));
        assertEquals(restQuote.getJsonNumber("previousClose").doubleValue(),
                quote.getJsonNumber("previousClose").doubleValue(), 1e-9);
        assertEquals(restQuote.getString("source"), quote.getString("source"));
        assertEquals(List.of(), dashboard.getJsonArray("debates"), "Ann has started no debate");
        assertEquals(List.of(), dashboard.getJsonArray("alerts"));

        try (DynamicGraphQLClient client = client(bob)) {
            JsonArray bobs = client.executeSync("{ portfolios { id name } }").getData().getJsonArray("portfolios");
            assertEquals(1, bobs.size(), bobs.toString());
            assertEquals(bobPortfolio, bobs.getJsonObject(0).getString("id"));
        }
    }

    @Test
    void withoutAUsersTokenThereIsNoData() throws Exception {
        try (DynamicGraphQLClient client = DynamicGraphQLClientBuilder.newBuilder().url(GRAPHQL).build()) {
            assertThrows(InvalidResponseException.class, () -> client.executeSync("{ me { id } }"),
                    "the answer is a problem, not a GraphQL result");
        }
        String query = Json.createObjectBuilder().add("query", "{ me { id email } portfolios { id } }").build().toString();
        assertRefused(api.post("/graphql", null, query), 401, "/problems/authentication");
        assertRefused(api.post("/graphql", "not.a.token", query), 401, "/problems/authentication");
        assertRefused(api.post("/graphql/other", null, query), 401, "/problems/authentication");

        String admin = api.newAdminToken("graphql-admin");
        ApiClient.Reply registered = api.post("/api/v1/admin/clients", admin, Json.createObjectBuilder()
                .add("name", "GraphQL partner").add("scopes", Json.createArrayBuilder().add("market:read"))
                .add("rateLimitPerMinute", 60).build().toString());
        assertEquals(201, registered.status(), registered.body());
        ApiClient.Reply clientToken = api.postForm("/api/v1/oauth/token", PartnerClientsIT.basic(
                registered.object().getString("clientId"), registered.object().getString("clientSecret")),
                "grant_type=client_credentials");
        assertEquals(200, clientToken.status(), clientToken.body());
        assertRefused(api.post("/graphql", clientToken.object().getString("access_token"), query), 403,
                "/problems/authorization");
    }

    @Test
    void tooDeepOrTooComplexQueriesAreRefusedWithAClearError() throws Exception {
        try (DynamicGraphQLClient client = client(api.newUserToken("greedy"))) {
            Response deep = client.executeSync("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }");
            assertTrue(deep.hasError());
            assertTrue(deep.getErrors().get(0).getMessage().contains("maximum query depth exceeded"),
                    deep.getErrors().toString());
            assertTrue(deep.getData() == null || deep.getData().isEmpty(), "no data: " + deep.getData());

            String aliases = IntStream.range(0, 60).mapToObj(i -> "m" + i + ": me { id email displayName }")
                    .collect(Collectors.joining(" ", "{ ", " }"));
            Response complex = client.executeSync(aliases);
            assertTrue(complex.hasError());
            assertTrue(complex.getErrors().get(0).getMessage().contains("maximum query complexity exceeded"),
                    complex.getErrors().toString());
            assertTrue(complex.getData() == null || complex.getData().isEmpty(), "no data: " + complex.getData());

            Response withinLimits = client.executeSync(DASHBOARD, Map.of("symbols", List.of("SPY")));
            assertFalse(withinLimits.hasError(), "the dashboard's own query fits: " + withinLimits.getErrors());
        }
    }

    @Test
    void errorsNameNoInternals() throws Exception {
        String token = api.newUserToken("curious");
        try (DynamicGraphQLClient client = client(token)) {
            Response unknownSymbol = client.executeSync("{ quotes(symbols: [\"NOSUCH\"]) { symbol price } }");
            assertTrue(unknownSymbol.hasError());
            assertTrue(unknownSymbol.getErrors().get(0).getMessage().contains("NOSUCH"),
                    "our own message reaches the client: " + unknownSymbol.getErrors().get(0).getMessage());
            Response tooMany = client.executeSync("{ debates(limit: 500) { id } }");
            assertEquals("limit must be between 1 and 50", tooMany.getErrors().get(0).getMessage());
        }
        for (String query : List.of("{ quotes(symbols: [\"NOSUCH\"]) { symbol } }", "{ me { passwordHash } }",
                "{ debates(limit: 500) { id } }")) {
            ApiClient.Reply answer = api.post("/graphql", token,
                    Json.createObjectBuilder().add("query", query).build().toString());
            assertEquals(200, answer.status(), answer.body());
            assertFalse(answer.object().getJsonArray("errors").isEmpty(), answer.body());
            assertNoInternals(answer.body());
        }
        ApiClient.Reply malformed = api.post("/graphql", token, "{ not json");
        assertRefused(malformed, 400, "/problems/validation");
        assertNoInternals(malformed.body());
    }

    @Test
    void theSchemaIsServed() {
        ApiClient.Reply schema = api.get("/graphql/schema.graphql", null);
        assertEquals(200, schema.status(), schema.body());
        for (String type : List.of("type Portfolio", "type Valuation", "type PositionValue", "type Quote", "type Debate",
                "type RatingAlert", "type User")) {
            assertTrue(schema.body().contains(type), type + " in " + schema.body());
        }
    }

    private DynamicGraphQLClient client(String token) {
        return DynamicGraphQLClientBuilder.newBuilder().url(GRAPHQL).header("Authorization", "Bearer " + token).build();
    }

    /** A portfolio with one manual account and one position of {@code symbol}; its id. */
    private String portfolioWithPosition(String token, String name, String symbol, int quantity, int averageCost) {
        ApiClient.Reply portfolio = api.post("/api/v1/portfolios", token,
                Json.createObjectBuilder().add("name", name).add("description", "GraphQL").build().toString());
        assertEquals(201, portfolio.status(), portfolio.body());
        String id = portfolio.object().getString("id");
        ApiClient.Reply account = api.post("/api/v1/portfolios/" + id + "/accounts", token, Json.createObjectBuilder()
                .add("brokerName", "Manual").add("accountNumber", "1").add("accountType", "brokerage").build().toString());
        assertEquals(201, account.status(), account.body());
        ApiClient.Reply position = api.post("/api/v1/portfolios/" + id + "/positions", token, Json.createObjectBuilder()
                .add("accountId", account.object().getString("id")).add("symbol", symbol).add("quantity", quantity)
                .add("averageCost", averageCost).build().toString());
        assertEquals(201, position.status(), position.body());
        return id;
    }

    private static void assertRefused(ApiClient.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.object();
        assertEquals(type, problem.getString("type"), reply.body());
        assertFalse(problem.containsKey("data"), "no data: " + reply.body());
    }

    private static void assertNoInternals(String answer) {
        for (String internal : List.of("Exception", "java.", "jakarta.", "com.finagent", "io.smallrye", "graphql.",
                "\tat ", "stackTrace")) {
            assertFalse(answer.contains(internal), "'" + internal + "' in " + answer);
        }
    }
}
