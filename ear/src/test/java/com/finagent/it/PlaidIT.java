package com.finagent.it;

import com.finagent.plaid.sandbox.PlaidSandbox;
import com.finagent.plaid.sandbox.SandboxFault;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linked accounts end to end: the application's Plaid integration (the real SDK) against {@link PlaidStandIn},
 * the stored rows read back through the API and straight from PostgreSQL.
 */
@ExtendWith(DeployedApplication.class)
class PlaidIT {

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));
    private final PlaidSandbox sandbox = PlaidStandIn.sandbox();


    @AfterEach
    void healSandbox() {
        sandbox.clearFaults();
    }

    /** A user with one linked sandbox bank. */
    private record Linked(String token, String userId, String itemId, String plaidItemId) {
    }

    private Linked link(String name, String username) {
        String token = api.newUserToken(name);
        String userId = api.get("/api/v1/me", token).object().getString("id");
        ApiClient.Reply linkToken = api.post("/api/v1/plaid/link-token", token, "{}");
        assertEquals(200, linkToken.status(), linkToken.body());
        assertTrue(linkToken.object().getString("linkToken").startsWith("link-"), linkToken.body());
        assertTrue(linkToken.object().getBoolean("sandboxDialog"));
        String itemId = api.linkSandboxBank(token, username);
        return new Linked(token, userId, itemId, single(userId, "SELECT plaid_item_id FROM plaid_items WHERE id = ?::uuid",
                itemId));
    }

    @Test
    void aNewUserLinksTheSandboxBankAndSeesAccountsTransactionsAndHoldings() {
        Linked user = link("linker", "user_good");
        JsonArray items = api.get("/api/v1/plaid/items", user.token()).json().asJsonArray();
        assertEquals(1, items.size());
        JsonObject item = items.getJsonObject(0);
        assertEquals("First Platypus Bank", item.getString("institutionName"));
        assertEquals("active", item.getString("status"));
        assertTrue(item.getJsonArray("accounts").size() >= 4, item.toString());

        JsonObject page = api.get("/api/v1/plaid/transactions?size=500", user.token()).object();
        assertEquals(sandbox.transactionIds(user.plaidItemId()).size(), page.getJsonNumber("total").longValue());
        assertTrue(page.getJsonNumber("total").longValue() >= 100, "a few hundred transactions: " + page.getJsonNumber("total"));
        JsonArray holdings = api.get("/api/v1/plaid/holdings", user.token()).json().asJsonArray();
        Set<String> symbols = new HashSet<>();
        holdings.forEach(h -> {
            if (h.asJsonObject().get("symbol") instanceof jakarta.json.JsonString s) {
                symbols.add(s.getString());
            }
        });
        assertTrue(symbols.containsAll(Set.of("AAPL", "MSFT", "KO")), symbols.toString());

        ApiClient.Reply wrongPassword = api.post("/api/v1/plaid/sandbox/public-token", user.token(),
                "{\"institutionId\":\"ins_109508\",\"username\":\"user_good\",\"password\":\"wrong\"}");
        assertEquals(400, wrongPassword.status(), wrongPassword.body());
        assertTrue(wrongPassword.contentType().startsWith("application/problem+json"));
        assertTrue(wrongPassword.body().contains("INVALID_CREDENTIALS") || wrongPassword.body().contains("credentials"),
                wrongPassword.body());
    }

    @Test
    void theAccessTokenIsNeverStoredOrShownInPlaintext() {
        Linked user = link("secretive", "user_good");
        String accessToken = sandbox.accessToken(user.plaidItemId());
        String stored = single(user.userId(), "SELECT access_token_encrypted FROM plaid_items WHERE id = ?::uuid",
                user.itemId());
        assertFalse(stored.contains(accessToken), "the column holds ciphertext only");
        assertTrue(stored.matches("[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+"), "key id and ciphertext: " + stored);
        for (String path : List.of("/api/v1/plaid/items", "/api/v1/plaid/accounts", "/api/v1/plaid/holdings",
                "/api/v1/plaid/transactions")) {
            assertFalse(api.get(path, user.token()).body().contains(accessToken), path);
        }
    }

    @Test
    void repeatedSyncsChangeNothingAndIncrementalChangesArriveExactly() {
        Linked user = link("repeat", "user_good");
        Map<String, Long> before = counts(user);
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply sync = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}");
            assertEquals(200, sync.status(), sync.body());
            assertEquals("synced", sync.object().getString("status"));
            assertEquals(0, sync.object().getInt("added"));
        }
        assertEquals(before, counts(user), "three repeat syncs leave identical row counts");

        // The sandbox also announces the changes by webhook, which may sync the item before this test does: the
        // stored state must end up equal to the bank's either way.
        List<String> existing = sandbox.transactionIds(user.plaidItemId());
        List<String> added = sandbox.addTransactions(user.plaidItemId(), 7);
        sandbox.modifyTransactions(user.plaidItemId(), Map.of(existing.get(0), 12.34));
        List<String> removed = List.of(existing.get(1), existing.get(2));
        sandbox.removeTransactions(user.plaidItemId(), removed);
        JsonObject sync = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").object();
        assertTrue(Set.of("synced", "superseded").contains(sync.getString("status")), sync.toString());
        Set<String> stored = storedTransactionIds(user);
        assertEquals(Set.copyOf(sandbox.transactionIds(user.plaidItemId())), stored);
        assertTrue(stored.containsAll(added));
        assertFalse(stored.contains(removed.get(0)) || stored.contains(removed.get(1)), "removed transactions are gone");
        assertEquals("12.34", single(user.userId(), "SELECT amount::text FROM plaid_transactions"
                + " WHERE plaid_transaction_id = ?", existing.get(0)));
    }

    @Test
    void aSyncInterruptedBetweenPagesAndRepeatedLeavesNoDuplicatesAndNoGaps() {
        // 1 600 transactions are four pages. Every page request after the first fails, so the first sync (and any
        // sync the sandbox's webhooks start meanwhile) breaks off between pages and stores nothing.
        sandbox.injectFault(null, SandboxFault.of(SandboxFault.Kind.INTERNAL_SERVER_ERROR)
                .onEndpoint("/transactions/sync").afterCalls(1).persistent());
        Linked user = link("interrupted", "user_transactions_1600");
        assertEquals(0L, counts(user).get("transactions"), "the failed first sync wrote nothing");
        sandbox.clearFaults();
        JsonObject sync = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").object();
        assertTrue(Set.of("synced", "superseded").contains(sync.getString("status")), sync.toString());
        List<String> stored = new ArrayList<>(storedTransactionIds(user));
        assertEquals(1600, stored.size());
        assertEquals(Set.copyOf(sandbox.transactionIds(user.plaidItemId())), Set.copyOf(stored));
    }

    @Test
    void plaidFailuresLeaveTheSyncedDataIntactAndAreReportedClearly() {
        Linked user = link("faulty", "user_good");
        Linked healthy = link("healthy-neighbour", "user_good");
        Map<String, Long> before = counts(user);

        sandbox.injectFault(user.plaidItemId(), SandboxFault.of(SandboxFault.Kind.INTERNAL_SERVER_ERROR).persistent());
        ApiClient.Reply outage = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}");
        assertEquals(503, outage.status(), outage.body());
        assertTrue(outage.contentType().startsWith("application/problem+json"));
        assertTrue(outage.body().contains("nothing was changed"), outage.body());
        sandbox.clearFaults();

        sandbox.injectFault(user.plaidItemId(), SandboxFault.of(SandboxFault.Kind.RATE_LIMIT_EXCEEDED).persistent());
        ApiClient.Reply limited = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}");
        assertEquals(429, limited.status(), limited.body());
        sandbox.clearFaults();
        assertEquals(before, counts(user), "500 and 429 wrote nothing");

        sandbox.setLoginRequired(user.plaidItemId(), true);
        sandbox.addTransactions(user.plaidItemId(), 3);
        JsonObject loginRequired = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").object();
        assertEquals("error", loginRequired.getString("status"));
        assertEquals("ITEM_LOGIN_REQUIRED", loginRequired.getString("errorCode"));
        JsonObject item = api.get("/api/v1/plaid/items", user.token()).json().asJsonArray().getJsonObject(0);
        assertEquals("error", item.getString("status"));
        assertEquals("ITEM_LOGIN_REQUIRED", item.getString("errorCode"));
        assertFalse(item.getString("errorMessage").isBlank(), "the user sees why");
        assertEquals(before, counts(user), "an item in error keeps its data");
        assertEquals("synced", api.post("/api/v1/plaid/items/" + healthy.itemId() + "/sync", healthy.token(), "{}")
                .object().getString("status"), "other items keep syncing");

        sandbox.setLoginRequired(user.plaidItemId(), false);
        JsonObject repaired = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").object();
        assertEquals("synced", repaired.getString("status"), repaired.toString());
        assertEquals(before.get("transactions") + 3, counts(user).get("transactions"),
                "the transactions added while it failed arrive once repaired");
        assertEquals("active", api.get("/api/v1/plaid/items", user.token()).json().asJsonArray().getJsonObject(0)
                .getString("status"));
    }

    @Test
    void aVerifiedWebhookTriggersASyncAndAForgedOneIsRejected() throws InterruptedException {
        Linked user = link("hooked", "user_good");
        long before = total(user);
        sandbox.addTransactions(user.plaidItemId(), 4);
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(before + 4, total(user),
                        "SYNC_UPDATES_AVAILABLE from the sandbox synced the item"));

        String body = "{\"webhook_type\":\"TRANSACTIONS\",\"webhook_code\":\"SYNC_UPDATES_AVAILABLE\",\"item_id\":\""
                + user.plaidItemId() + "\"}";
        ApiClient.Reply unsigned = api.post("/api/v1/plaid/webhook", null, body);
        assertEquals(401, unsigned.status(), unsigned.body());
        assertTrue(unsigned.contentType().startsWith("application/problem+json"));
    }

    @Test
    void aCapturedWebhookIsAcceptedOnceAndMadeUpKeyIdsDoNotReachPlaidEachTime() throws Exception {
        Linked user = link("replayed", "user_good");
        String body = "{\"webhook_type\":\"TRANSACTIONS\",\"webhook_code\":\"SYNC_UPDATES_AVAILABLE\",\"item_id\":\""
                + user.plaidItemId() + "\",\"environment\":\"sandbox\",\"n\":\"" + UUID.randomUUID() + "\"}";
        Map<String, String> genuine = Map.of("Content-Type", "application/json",
                "Plaid-Verification", sandbox.webhookVerification(body));
        ApiClient.Reply first = api.exchange("POST", "/api/v1/plaid/webhook", genuine, body);
        assertEquals(200, first.status(), first.body());
        ApiClient.Reply replayed = api.exchange("POST", "/api/v1/plaid/webhook", genuine, body);
        assertEquals(401, replayed.status(), "a genuine webhook played again within its five minutes");
        assertTrue(replayed.body().contains("already received"), replayed.body());

        ECKey attackersKey = new ECKeyGenerator(Curve.P_256).keyID("made-up-" + UUID.randomUUID()).generate();
        int asked = sandbox.requestCount("/webhook_verification_key/get");
        for (int attempt = 0; attempt < 3; attempt++) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(attackersKey.getKeyID())
                    .build(), new JWTClaimsSet.Builder().issueTime(new Date())
                    .claim("request_body_sha256", sha256Hex(body + attempt)).build());
            forged.sign(new ECDSASigner(attackersKey));
            ApiClient.Reply refused = api.exchange("POST", "/api/v1/plaid/webhook", Map.of("Content-Type",
                    "application/json", "Plaid-Verification", forged.serialize()), body + attempt);
            assertEquals(401, refused.status(), refused.body());
        }
        assertEquals(asked + 1, sandbox.requestCount("/webhook_verification_key/get"),
                "an unknown key id is asked of Plaid once, then remembered as unknown");
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherUsersItemsAccountsTransactionsHoldingsAndPortfoliosAreNotFound() {
        Linked owner = link("owner", "user_good");
        String stranger = api.newUserToken("stranger");
        String accountId = api.get("/api/v1/plaid/accounts", owner.token()).json().asJsonArray().getJsonObject(0)
                .getString("accountId");
        assertEquals(404, api.post("/api/v1/plaid/items/" + owner.itemId() + "/sync", stranger, "{}").status());
        assertEquals(404, api.delete("/api/v1/plaid/items/" + owner.itemId(), stranger).status());
        assertEquals(404, api.get("/api/v1/plaid/transactions?accountId=" + accountId, stranger).status());
        for (String path : List.of("/api/v1/plaid/items", "/api/v1/plaid/accounts", "/api/v1/plaid/holdings")) {
            assertEquals(0, api.get(path, stranger).json().asJsonArray().size(), path);
        }
        assertEquals(0, api.get("/api/v1/plaid/transactions", stranger).object().getInt("total"));

        String portfolio = api.post("/api/v1/portfolios", owner.token(), "{\"name\":\"Mine\"}").object().getString("id");
        String strangersPortfolio = api.post("/api/v1/portfolios", stranger, "{\"name\":\"Theirs\"}").object()
                .getString("id");
        assertEquals(404, api.post("/api/v1/portfolios/" + strangersPortfolio + "/accounts", stranger,
                "{\"plaidAccountId\":\"" + accountId + "\"}").status(), "someone else's linked account");
        String position = api.post("/api/v1/portfolios/" + portfolio + "/positions", owner.token(),
                "{\"symbol\":\"AAPL\",\"quantity\":1,\"averageCost\":100}").object().getString("id");
        assertEquals(404, api.get("/api/v1/portfolios/" + portfolio + "/summary", stranger).status());
        assertEquals(404, api.post("/api/v1/portfolios/" + portfolio + "/risk", stranger, "{}").status());
        assertEquals(404, api.delete("/api/v1/portfolios/" + portfolio + "/positions/" + position, stranger).status());
        assertEquals(404, api.post("/api/v1/portfolios/" + portfolio + "/positions", stranger,
                "{\"symbol\":\"AAPL\",\"quantity\":1,\"averageCost\":100}").status());
    }

    @Test
    void aPortfolioOfLinkedAndManualPositionsShowsPnlAtCurrentPricesAndItsRisk() {
        Linked user = link("investor", "user_good");
        String portfolio = api.post("/api/v1/portfolios", user.token(), "{\"name\":\"Everything\"}").object()
                .getString("id");
        String brokerage = api.get("/api/v1/plaid/accounts", user.token()).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("type").equals("investment"))
                .filter(a -> "brokerage".equals(a.getString("subtype", ""))).findFirst().orElseThrow()
                .getString("accountId");
        ApiClient.Reply linked = api.post("/api/v1/portfolios/" + portfolio + "/accounts", user.token(),
                "{\"plaidAccountId\":\"" + brokerage + "\"}");
        assertEquals(201, linked.status(), linked.body());
        assertEquals(201, api.post("/api/v1/portfolios/" + portfolio + "/positions", user.token(),
                "{\"symbol\":\"spy\",\"quantity\":2,\"averageCost\":150}").status());
        ApiClient.Reply invalid = api.post("/api/v1/portfolios/" + portfolio + "/positions", user.token(),
                "{\"symbol\":\"SPY\",\"quantity\":-2,\"averageCost\":150}");
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.body().contains("quantity"), invalid.body());

        JsonObject summary = api.get("/api/v1/portfolios/" + portfolio + "/summary", user.token()).object();
        JsonArray positions = summary.getJsonArray("positions");
        assertTrue(positions.size() >= 5, summary.toString());
        double total = 0;
        double pnl = 0;
        for (JsonValue value : positions) {
            JsonObject p = value.asJsonObject();
            double quantity = p.getJsonNumber("quantity").doubleValue();
            double price = p.getJsonNumber("price").doubleValue();
            double cost = p.getJsonNumber("averageCost").doubleValue();
            assertEquals(quantity * price, p.getJsonNumber("marketValue").doubleValue(), 0.01, p.toString());
            assertEquals((price - cost) * quantity, p.getJsonNumber("unrealizedPnl").doubleValue(), 0.02, p.toString());
            assertFalse(p.getString("priceSource").isBlank());
            total += p.getJsonNumber("marketValue").doubleValue();
            pnl += p.getJsonNumber("unrealizedPnl").doubleValue();
        }
        assertEquals(total, summary.getJsonNumber("marketValue").doubleValue(), 0.01);
        assertEquals(pnl, summary.getJsonNumber("unrealizedPnl").doubleValue(), 0.01);
        double weights = summary.getJsonArray("bySector").stream()
                .mapToDouble(a -> a.asJsonObject().getJsonNumber("weight").doubleValue()).sum();
        assertEquals(1.0, weights, 1e-9);
        assertTrue(summary.getJsonArray("bySector").stream().anyMatch(a -> a.asJsonObject().getString("key")
                .equals("Technology Services")), "sectors from Plaid's securities: " + summary.getJsonArray("bySector"));

        // Finding 7 of the hardening probe: mirrored positions got new ids on every sync.
        Set<String> idsBefore = positions.stream().map(p -> p.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertEquals(200, api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").status());
        Set<String> idsAfter = api.get("/api/v1/portfolios/" + portfolio + "/summary", user.token()).object()
                .getJsonArray("positions").stream().map(p -> p.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertEquals(idsBefore, idsAfter, "a position keeps its id while its holding exists");

        ApiClient.Reply risk = api.post("/api/v1/portfolios/" + portfolio + "/risk", user.token(),
                "{\"paths\":2000,\"steps\":21}");
        assertEquals(200, risk.status(), risk.body());
        JsonObject measures = risk.object().getJsonObject("measures");
        assertTrue(measures.getJsonNumber("annualVolatility").doubleValue() > 0);
        double weightSum = risk.object().getJsonObject("weights").values().stream()
                .mapToDouble(v -> ((jakarta.json.JsonNumber) v).doubleValue()).sum();
        assertEquals(1.0, weightSum, 1e-9);
        assertNotEquals(0, risk.object().getJsonObject("simulation").getJsonArray("bands").size());
    }

    /**
     * A linked brokerage account's investment transactions (Plaid's /investments/transactions/get through the SDK)
     * become its activities once, however often the item syncs; its positions and performance follow from them,
     * with Plaid's signs turned the right way round: the cash they leave is the account's cash holding.
     */
    @Test
    void aLinkedBrokerageAccountsInvestmentTransactionsBecomeItsActivitiesOnceAndDriveItsPerformance()
            throws Exception {
        Linked user = link("trader", "user_good");
        String portfolio = api.post("/api/v1/portfolios", user.token(), "{\"name\":\"Brokerage\"}").object()
                .getString("id");
        String brokerage = api.get("/api/v1/plaid/accounts", user.token()).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(a -> "brokerage".equals(a.getString("subtype", "")))
                .findFirst().orElseThrow().getString("accountId");
        ApiClient.Reply linked = api.post("/api/v1/portfolios/" + portfolio + "/accounts", user.token(),
                "{\"plaidAccountId\":\"" + brokerage + "\"}");
        assertEquals(201, linked.status(), linked.body());
        String account = linked.object().getString("id");

        int requests = sandbox.requestCount("/investments/transactions/get");
        for (int sync = 0; sync < 2; sync++) {
            ApiClient.Reply synced = api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}");
            assertEquals(200, synced.status(), synced.body());
        }
        assertTrue(sandbox.requestCount("/investments/transactions/get") >= requests + 2,
                "each sync asks Plaid for the investment transactions");

        JsonObject atPlaid = investmentTransactions(user, brokerage);
        Set<String> plaidIds = atPlaid.getJsonArray("investment_transactions").stream()
                .map(t -> t.asJsonObject().getString("investment_transaction_id")).collect(Collectors.toSet());
        assertEquals(atPlaid.getInt("total_investment_transactions"), plaidIds.size());
        JsonArray activities = api.get("/api/v1/portfolios/" + portfolio + "/activities", user.token()).json()
                .asJsonArray();
        assertEquals(plaidIds.size(), activities.size(), "every investment transaction once, after two syncs");
        assertTrue(activities.stream().map(JsonValue::asJsonObject).allMatch(a -> a.getString("source").equals("PLAID")
                && a.getString("accountId").equals(account)), activities.toString());
        Set<String> types = activities.stream().map(a -> a.asJsonObject().getString("type")).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("DEPOSIT", "BUY", "SELL", "DIVIDEND", "FEE", "WITHDRAWAL")), types.toString());
        assertEquals(plaidIds, new HashSet<>(query(user.userId(), "SELECT external_id FROM activities a"
                + " JOIN accounts p ON p.id = a.account_id WHERE p.plaid_account_id = ?", brokerage)),
                "stored under Plaid's ids, each once");

        Map<String, Double> held = new TreeMap<>();
        double cashHeld = 0;
        for (JsonValue value : api.get("/api/v1/plaid/holdings", user.token()).json().asJsonArray()) {
            JsonObject holding = value.asJsonObject();
            if (holding.getString("accountId").equals(brokerage)) {
                if ("cash".equals(holding.getString("type", ""))) {
                    cashHeld = holding.getJsonNumber("quantity").doubleValue();
                } else {
                    held.put(holding.getString("symbol"), holding.getJsonNumber("quantity").doubleValue());
                }
            }
        }
        Map<String, Double> positions = new TreeMap<>();
        api.get("/api/v1/portfolios/" + portfolio + "/summary", user.token()).object().getJsonArray("positions")
                .forEach(p -> positions.put(p.asJsonObject().getString("symbol"),
                        p.asJsonObject().getJsonNumber("quantity").doubleValue()));
        assertEquals(held, positions, "the positions the activities add up to are the institution's holdings");

        ApiClient.Reply performance = api.get("/api/v1/portfolios/" + portfolio + "/performance", user.token());
        assertEquals(200, performance.status(), performance.body());
        JsonObject totals = performance.object().getJsonObject("totals");
        assertEquals(cashHeld, totals.getJsonNumber("cash").doubleValue(), 0.005,
                "deposits less buys, plus sells and dividends, less fees and withdrawals: the cash Plaid holds");
        assertTrue(totals.getJsonNumber("dividends").doubleValue() > 0, totals.toString());
        assertTrue(totals.getJsonNumber("fees").doubleValue() >= 25, totals.toString());
        assertNotEquals(0, totals.getJsonNumber("realisedGain").doubleValue(), "the sell realised a gain or a loss");
        Map<String, Double> reported = new TreeMap<>();
        performance.object().getJsonArray("holdings").forEach(h -> {
            JsonObject holding = h.asJsonObject().getJsonObject("holding");
            if (holding.getJsonNumber("quantity").doubleValue() > 0) {
                reported.put(holding.getString("symbol"), holding.getJsonNumber("quantity").doubleValue());
            }
        });
        assertEquals(held, reported);

        String stranger = api.newUserToken("bystander");
        assertEquals(404, api.get("/api/v1/portfolios/" + portfolio + "/activities", stranger).status());
        assertEquals(404, api.get("/api/v1/portfolios/" + portfolio + "/performance", stranger).status());
        String own = api.post("/api/v1/portfolios", stranger, "{\"name\":\"Empty\"}").object().getString("id");
        assertEquals(0, api.get("/api/v1/portfolios/" + own + "/activities", stranger).json().asJsonArray().size());
        assertEquals(List.of(), query(api.get("/api/v1/me", stranger).object().getString("id"),
                "SELECT external_id FROM activities a JOIN accounts p ON p.id = a.account_id"
                        + " WHERE p.plaid_account_id = ?", brokerage), "row-level security hides them too");
    }

    /** What the sandbox, asked as Plaid directly, lists for one account over the last two years. */
    private JsonObject investmentTransactions(Linked user, String plaidAccountId) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String body = Json.createObjectBuilder()
                .add("client_id", PlaidStandIn.CLIENT_ID).add("secret", PlaidStandIn.SECRET)
                .add("access_token", sandbox.accessToken(user.plaidItemId()))
                .add("start_date", today.minusYears(2).toString()).add("end_date", today.toString())
                .add("options", Json.createObjectBuilder().add("count", 500)
                        .add("account_ids", Json.createArrayBuilder().add(plaidAccountId)))
                .build().toString();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "investments/transactions/get"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void theOwnerIsToldOverWebSocketWhenASyncChangesTheirPortfolioAndNobodyElseIs() throws Exception {
        Linked user = link("watcher", "user_good");
        String portfolio = api.post("/api/v1/portfolios", user.token(), "{\"name\":\"Watched\"}").object()
                .getString("id");
        assertEquals(201, api.post("/api/v1/portfolios/" + portfolio + "/positions", user.token(),
                "{\"symbol\":\"KO\",\"quantity\":10,\"averageCost\":40}").status());
        BlockingQueue<String> mine = new LinkedBlockingQueue<>();
        BlockingQueue<String> theirs = new LinkedBlockingQueue<>();
        WebSocket own = socket(user.token(), mine);
        WebSocket other = socket(api.newUserToken("onlooker"), theirs);
        try {
            assertEquals(200, api.post("/api/v1/plaid/items/" + user.itemId() + "/sync", user.token(), "{}").status());
            SocketCollector.until(mine, Duration.ofSeconds(15), "the owner hearing of the sync",
                    message -> message.contains("\"type\":\"sync\""));
            SocketCollector.until(mine, Duration.ofSeconds(15), "the owner hearing of the portfolio's value",
                    message -> message.contains("\"portfolioId\":\"" + portfolio + "\""));
            assertTrue(theirs.stream().noneMatch(m -> m.contains(portfolio) || m.contains(user.itemId())),
                    "another user hears nothing of it: " + theirs);
        } finally {
            own.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            other.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static WebSocket socket(String token, BlockingQueue<String> received) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/portfolio?access_token=" + token),
                        new SocketCollector(received, null)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void unlinkingRemovesTheItemAtPlaidAndHere() {
        Linked user = link("leaver", "user_good");
        int removals = sandbox.requestCount("/item/remove");
        assertEquals(204, api.delete("/api/v1/plaid/items/" + user.itemId(), user.token()).status());
        assertEquals(removals + 1, sandbox.requestCount("/item/remove"));
        assertEquals(0, api.get("/api/v1/plaid/items", user.token()).json().asJsonArray().size());
        assertEquals(0, api.get("/api/v1/plaid/transactions", user.token()).object().getInt("total"));
    }

    private long total(Linked user) {
        return api.get("/api/v1/plaid/transactions?size=1", user.token()).object().getJsonNumber("total").longValue();
    }

    private Map<String, Long> counts(Linked user) {
        return Map.of(
                "accounts", count(user.userId(), "SELECT count(*) FROM plaid_accounts WHERE plaid_item_id = ?",
                        user.plaidItemId()),
                "transactions", count(user.userId(), "SELECT count(*) FROM plaid_transactions t JOIN plaid_accounts a"
                        + " USING (plaid_account_id) WHERE a.plaid_item_id = ?", user.plaidItemId()),
                "holdings", count(user.userId(), "SELECT count(*) FROM plaid_holdings h JOIN plaid_accounts a"
                        + " USING (plaid_account_id) WHERE a.plaid_item_id = ?", user.plaidItemId()));
    }

    private Set<String> storedTransactionIds(Linked user) {
        List<String> ids = query(user.userId(), "SELECT plaid_transaction_id FROM plaid_transactions t"
                + " JOIN plaid_accounts a USING (plaid_account_id) WHERE a.plaid_item_id = ?", user.plaidItemId());
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "no transaction is stored twice");
        return unique;
    }

    private static long count(String userId, String sql, String parameter) {
        return Long.parseLong(single(userId, sql, parameter));
    }

    private static String single(String userId, String sql, String parameter) {
        List<String> rows = query(userId, sql, parameter);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    /** Reads as the application's role would for this user (row-level security applies). */
    private static List<String> query(String userId, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"))) {
            try (PreparedStatement actAs = connection.prepareStatement("SELECT set_config('app.user_id', ?, false)")) {
                actAs.setString(1, userId);
                actAs.executeQuery().close();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
