package com.finagent.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a probe of the running application found, tried again as an attacker would (issue 9, "Hardening"): each
 * test names its finding, failed before the fix and passes now.
 */
@ExtendWith(DeployedApplication.class)
class EdgeIT {

    private static final URI BASE = URI.create("http://localhost:8080/");
    private final ApiClient api = new ApiClient(BASE);


    /** Finding 1: the admin REST API answered without credentials, on every interface. */
    @Test
    void theAdminApiNeedsThePasswordAndListensOnLoopbackOnly() throws Exception {
        ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:4848/"));
        for (String path : List.of("/management/domain", "/management/domain/applications/application")) {
            ApiClient.Reply anonymous = admin.exchange("GET", path, Map.of("Accept", "application/json"), null);
            assertEquals(401, anonymous.status(), path + ": " + anonymous.body());
        }
        String domainXml = Files.readString(Path.of(System.getProperty("payara.home"), "glassfish", "domains",
                System.getProperty("payara.domain"), "config", "domain.xml"));
        String adminListener = domainXml.lines().filter(line -> line.contains("<network-listener")
                && line.contains("name=\"admin-listener\"")).findFirst().orElseThrow();
        assertTrue(adminListener.contains("address=\"127.0.0.1\""), adminListener);
    }

    /** Finding 2: the outbound REST client interfaces were routes of our API, and the WADL listed them. */
    @Test
    void outboundClientInterfacesAreNotRoutesAndThereIsNoWadl() {
        for (String path : List.of("/api/v1/v2/reference/news", "/api/v1/fred/series/observations",
                "/api/v1/v8/finance/chart/AAPL", "/api/v1/v2/stocks/AAPL/bars", "/api/v1/files/company_tickers.json",
                "/api/v1/api/2/streams/trending.json", "/api/v1/application.wadl")) {
            ApiClient.Reply reply = api.get(path, null);
            assertEquals(404, reply.status(), path + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), path);
        }
    }

    /** Finding 3: a NUL byte in any text field was a 500 (PostgreSQL refuses 0x00). */
    @Test
    void theNulCharacterIsABadRequestInBodiesPathsAndQueries() {
        assertProblem(api.post("/api/v1/auth/token", null,
                "{\"email\":\"a\\u0000b@example.com\",\"password\":\"whatever1\"}"), 400, "NUL");
        assertProblem(api.post("/api/v1/auth/register", null,
                "{\"email\":\"nul-" + UUID.randomUUID() + "@example.com\",\"password\":\"Tr0mbone-Quasar-77\","
                        + "\"displayName\":\"a\\u0000\"}"), 400, "NUL");
        String token = api.newUserToken("nul");
        assertProblem(api.post("/api/v1/portfolios", token, "{\"name\":\"x\\u0000y\"}"), 400, "NUL");
        assertProblem(api.get("/api/v1/search?q=a%00b", token), 400, "NUL");
        ApiClient.Reply inPath = api.get("/api/v1/market/quote/AA%00PL", token);
        assertEquals(400, inPath.status(), "refused by the HTTP listener before the application: " + inPath.body());
    }

    /** Finding 4: null elements, an overflowing page and numbers that wrapped around before validation. */
    @Test
    void nullElementsOverflowsAndWrappingNumbersAreBadRequests() {
        String token = api.newUserToken("wrapper");
        assertProblem(api.post("/api/v1/analytics/indicators", token,
                "{\"closes\":[1,2,3],\"indicators\":[null,null,null]}"), 400, "indicators");
        assertProblem(api.post("/api/v1/analytics/monte-carlo", token,
                "{\"assets\":{\"AAPL\":[1,2,3,4]},\"weights\":{\"AAPL\":null}}"), 400, "weights[AAPL]");
        assertProblem(api.get("/api/v1/plaid/transactions?page=2147483647&size=500", token), 400, "page");
        assertProblem(api.post("/api/v1/debates", token, "{\"query\":\"Buy AAPL?\",\"assistantType\":\"analyst\","
                + "\"symbols\":[\"AAPL\"],\"maxRounds\":4294967299}"), 400, "out of range");
        assertProblem(api.post("/api/v1/analytics/monte-carlo", token,
                "{\"assets\":{\"AAPL\":[1,2,3,4]},\"weights\":{\"AAPL\":1},\"paths\":4294967496}"), 400, "out of range");
    }

    /** Finding 5: 20 parallel registrations of one e-mail gave four 500s. */
    @Test
    void parallelRegistrationsOfOneEmailAnswerOneCreatedAndConflicts() throws Exception {
        String body = "{\"email\":\"twin-" + UUID.randomUUID() + "@example.com\",\"password\":\"Tr0mbone-Quasar-77\"}";
        List<Integer> statuses = parallel(20, () -> api.post("/api/v1/auth/register", null, body).status());
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(19, Collections.frequency(statuses, 409), statuses.toString());
    }

    /** Finding 6: 20 parallel adds of 1 MSFT ended with quantity 14, and repeats left two MSFT rows. */
    @Test
    void parallelAddsOfOneSymbolMergeIntoOnePositionWithEveryShare() throws Exception {
        String token = api.newUserToken("buyer");
        String portfolio = api.post("/api/v1/portfolios", token, "{\"name\":\"Race\"}").object().getString("id");
        List<Integer> statuses = parallel(20, () -> api.post("/api/v1/portfolios/" + portfolio + "/positions", token,
                "{\"symbol\":\"MSFT\",\"quantity\":1,\"averageCost\":" + 100 + "}").status());
        assertEquals(List.of(201), statuses.stream().distinct().toList());
        var positions = api.get("/api/v1/portfolios/" + portfolio + "/summary", token).object()
                .getJsonArray("positions");
        assertEquals(1, positions.size(), positions.toString());
        assertEquals(20, positions.getJsonObject(0).getJsonNumber("quantity").doubleValue(), 1e-9);
        assertEquals(1, api.get("/api/v1/portfolios/" + portfolio + "/accounts", token).json().asJsonArray().size(),
                "one Manual account, not one per racing request");
    }

    /** Finding 8: one request could ask for minutes of CPU or a heap-sized array. */
    @Test
    void heavyRequestsAreBoundedByAWorkBudgetAndABulkhead() throws Exception {
        String token = api.newUserToken("heavy");
        String prices = IntStream.range(0, 300).mapToObj(i -> String.valueOf(100 + Math.sin(i) + i * 0.1))
                .collect(Collectors.joining(",", "[", "]"));
        assertProblem(api.post("/api/v1/analytics/monte-carlo", token, "{\"assets\":{\"A\":" + prices + ",\"B\":"
                + prices + "},\"weights\":{\"A\":0.5,\"B\":0.5},\"paths\":200000,\"steps\":2520}"), 400, "paths x steps");
        String bigSeries = IntStream.range(0, 20_000).mapToObj(i -> String.valueOf(100 + Math.sin(i)))
                .collect(Collectors.joining(",", "[", "]"));
        String assets = IntStream.range(0, 15).mapToObj(i -> "\"S" + i + "\":" + bigSeries)
                .collect(Collectors.joining(",", "{", "}"));
        assertProblem(api.post("/api/v1/analytics/risk", token, "{\"assets\":" + assets + "}"), 400, "at most");
        String text = "\"" + "Shares rallied after the earnings beat. ".repeat(120) + "\"";
        String texts = IntStream.range(0, 60).mapToObj(i -> text).collect(Collectors.joining(",", "[", "]"));
        assertProblem(api.post("/api/v1/sentiment/analyze", token, "{\"texts\":" + texts + "}"), 400, "characters");

        // Within budget, but more at once than the bulkhead runs and queues: the rest are told to come back.
        // Distinct series: identical ones would give a singular covariance, itself a 400.
        String simulation = IntStream.range(0, 4).mapToObj(a -> "\"" + (char) ('A' + a) + "\":" + IntStream.range(0, 300)
                        .mapToObj(i -> String.valueOf(100 + Math.sin(i * (a + 1.3)) + i * 0.1 * (a + 1)))
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "{\"assets\":{", "},\"weights\":{\"A\":0.25,\"B\":0.25,"
                        + "\"C\":0.25,\"D\":0.25},\"paths\":100000}"));
        List<ApiClient.Reply> replies = parallel(12, () -> api.post("/api/v1/analytics/monte-carlo", token, simulation));
        List<Integer> statuses = replies.stream().map(ApiClient.Reply::status).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 503),
                statuses + " " + replies.get(0).body());
        assertTrue(statuses.contains(200), statuses.toString());
        // Twelve at once against one running and four queued: the queue is full for some. (When the request threads
        // waited for the bulkhead, Payara's five of them were the real queue and no request was ever refused.)
        assertTrue(statuses.contains(503), statuses.toString());
        for (ApiClient.Reply busy : replies.stream().filter(reply -> reply.status() == 503).toList()) {
            assertEquals("2", busy.headers().firstValue("Retry-After").orElse(null));
            assertTrue(busy.contentType().startsWith("application/problem+json"));
        }
    }

    /** Finding 9: version-naming headers, missing security headers, no challenge, class names in errors. */
    @Test
    void responsesCarrySecurityHeadersAndNameNoServerOrJavaClass() {
        for (String path : List.of("/", "/api/v1/assistants", "/api/v1/no-such-thing", "/health/live", "/openapi")) {
            ApiClient.Reply reply = api.get(path, null);
            assertTrue(reply.headers().firstValue("Server").isEmpty(), path + " names the server");
            assertTrue(reply.headers().firstValue("X-Powered-By").isEmpty(), path + " names the runtime");
        }
        for (String path : List.of("/", "/portfolios", "/api/v1/assistants", "/api/v1/no-such-thing")) {
            ApiClient.Reply reply = api.get(path, null);
            assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", reply.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        String csp = api.get("/", null).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("'sha256-") && !csp.contains("unsafe-eval"), csp);

        ApiClient.Reply token = api.post("/api/v1/auth/token", null,
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"whatever1\"}");
        assertEquals(401, token.status());
        assertEquals("no-store", token.headers().firstValue("Cache-Control").orElse(null));
        ApiClient.Reply anonymous = api.get("/api/v1/portfolios", null);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                anonymous.headers().map().toString());
        ApiClient.Reply badToken = api.get("/api/v1/portfolios", "not.a.token");
        assertEquals(401, badToken.status());
        assertTrue(badToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        String user = api.newUserToken("cased");
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            ApiClient.Reply me = api.exchange("GET", "/api/v1/me", Map.of("Authorization", scheme + " " + user), null);
            assertEquals(200, me.status(), scheme + ": " + me.body());
        }

        ApiClient.Reply metrics = api.get("/metrics", null);
        assertTrue(metrics.status() != 200 && !metrics.body().contains("base_"), "metrics are not public: "
                + metrics.status());

        for (String body : List.of("[]", "{\"prices\":{}}", "{\"prices\":[1,2,\"x\"]}", "{\"weights\":[1]}", "7")) {
            ApiClient.Reply wrong = api.post("/api/v1/analytics/risk", user, body);
            assertEquals(400, wrong.status(), body + ": " + wrong.body());
            JsonObject problem = wrong.object();
            String detail = problem.getString("detail");
            assertFalse(detail.matches("(?s).*(class |java\\.|RiskRequest|Internal error: null).*"), body + ": " + detail);
        }
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String detailContains) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        String detail = reply.object().getString("detail", "") + reply.object().getOrDefault("errors", null);
        assertTrue(detail.contains(detailContains), "'" + detailContains + "' not in " + reply.body());
        assertFalse(detail.contains("Exception"), detail);
    }

    private static <T> List<T> parallel(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                T result = future.get();
                assertNotNull(result);
                results.add(result);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
