package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits, lockout, password strength, registration that signs in, the audit log, and admin access, over HTTP
 * against the deployed EAR. The test domain trusts the loopback proxy ({@code FINAGENT_TRUSTED_PROXIES}), so each
 * test takes its own client address from {@code X-Forwarded-For} and does not share limits with other tests.
 */
@ExtendWith(DeployedApplication.class)
class SecurityIT {

    /** Named in the test domain's {@code FINAGENT_ADMIN_EMAILS}. */
    private static final String ADMIN_EMAIL = "security-admin@example.com";
    /** The test domain's {@code FINAGENT_RATE_LIMIT_REGISTER_PER_MINUTE}. */
    private static final int REGISTRATIONS_PER_MINUTE = 100;

    private final ApiClient api = new ApiClient(URI.create("http://localhost:8080/"));
    private final String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);


    @Test
    void registrationsOverTheLimitAre429WithRetryAfterAndRateLimitHeaders() {
        String from = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        HttpResponse<String> last = null;
        // the bucket refills as the loop runs (greedily, 100 a minute), so allow a few more than the limit
        for (int i = 0; i <= REGISTRATIONS_PER_MINUTE + 20; i++) {
            // weak passwords: each is refused after counting, so the loop stores nothing
            last = api.exchange("/api/v1/auth/register", null, registration("flood-" + i + "-" + UUID.randomUUID()
                    + "@example.com", "password1", "Flood"), "X-Forwarded-For", from);
            if (last.statusCode() == 429) {
                break;
            }
            assertEquals(400, last.statusCode(), last.body());
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("/problems/rate_limit", object(last.body()).getString("type"));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(String.valueOf(REGISTRATIONS_PER_MINUTE), last.headers().firstValue("RateLimit-Limit").orElseThrow());
        assertEquals("0", last.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertTrue(Long.parseLong(last.headers().firstValue("RateLimit-Reset").orElseThrow()) >= retryAfter);

        HttpResponse<String> otherAddress = api.exchange("/api/v1/auth/register", null,
                registration("other-" + UUID.randomUUID() + "@example.com", ApiClient.PASSWORD, "Other"),
                "X-Forwarded-For", address);
        assertEquals(201, otherAddress.statusCode(), "another address has its own budget: " + otherAddress.body());
    }

    @Test
    void repeatedFailuresLockAnAccountWithoutRevealingWhetherItExists() {
        String known = "locked-" + UUID.randomUUID() + "@example.com";
        String knownId = api.register(known, "Locked").getJsonObject("user").getString("id");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrongKnown = signIn(known, "wrong password " + i);
            HttpResponse<String> wrongUnknown = signIn(unknown, "wrong password " + i);
            assertEquals(401, wrongKnown.statusCode(), wrongKnown.body());
            assertEquals(wrongKnown.statusCode(), wrongUnknown.statusCode());
            assertEquals(object(wrongKnown.body()).getString("detail"), object(wrongUnknown.body()).getString("detail"));
        }
        HttpResponse<String> lockedKnown = signIn(known, ApiClient.PASSWORD);
        HttpResponse<String> lockedUnknown = signIn(unknown, ApiClient.PASSWORD);
        assertEquals(429, lockedKnown.statusCode(), "even the right password waits: " + lockedKnown.body());
        assertEquals(429, lockedUnknown.statusCode(), lockedUnknown.body());
        assertEquals(object(lockedKnown.body()).getString("detail"), object(lockedUnknown.body()).getString("detail"));
        long retryKnown = Long.parseLong(lockedKnown.headers().firstValue("Retry-After").orElseThrow());
        long retryUnknown = Long.parseLong(lockedUnknown.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(Math.abs(retryKnown - retryUnknown) <= 2, retryKnown + " vs " + retryUnknown);
        assertTrue(retryKnown > 60, "locked for minutes, not seconds: " + retryKnown);
        assertEquals(lockedKnown.headers().firstValue("RateLimit-Limit"), lockedUnknown.headers().firstValue("RateLimit-Limit"));

        JsonObject audited = adminGet("/api/v1/admin/audit?action=auth.sign_in&outcome=failure&size=200");
        long failuresOfKnown = entries(audited).stream().filter(e -> known.equals(string(e, "target"))).count();
        long failuresOfUnknown = entries(audited).stream().filter(e -> unknown.equals(string(e, "target"))).count();
        assertEquals(5, failuresOfKnown);
        assertEquals(5, failuresOfUnknown);
        assertTrue(entries(audited).stream().filter(e -> known.equals(string(e, "target")))
                .allMatch(e -> knownId.equals(string(e, "subjectUserId"))), "failures show in the owner's events");
    }

    @Test
    void weakPasswordsAreRefusedNamingTheFieldAndWhy() {
        String email = "weak-" + UUID.randomUUID() + "@example.com";
        for (String weak : List.of("long enough", "password123", "qwertyuiop", email)) {
            HttpResponse<String> refused = api.exchange("/api/v1/auth/register", null,
                    registration(email, weak, "Weak Walter"), "X-Forwarded-For", address);
            assertEquals(400, refused.statusCode(), weak + ": " + refused.body());
            JsonObject problem = object(refused.body());
            assertEquals("/problems/validation", problem.getString("type"));
            JsonObject field = problem.getJsonArray("errors").getJsonObject(0);
            assertEquals("password", field.getString("field"));
            assertTrue(field.getString("message").startsWith("is too easy to guess"), field.toString());
        }
        assertEquals(401, signIn(email, "long enough").statusCode(), "nothing was stored");
    }

    @Test
    void registeringSignsInAndAuditsRegistrationAndToken() {
        String email = "joiner-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = api.exchange("/api/v1/auth/register", null,
                registration(email, ApiClient.PASSWORD, "Joiner"), "X-Forwarded-For", address);
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject body = object(registered.body());
        String token = ApiClient.accessToken(body.getJsonObject("token"));
        assertEquals("Bearer", body.getJsonObject("token").getString("token_type"));
        ApiClient.Reply me = api.get("/api/v1/me", token);
        assertEquals(200, me.status());
        assertEquals(body.getJsonObject("user").getString("id"), me.object().getString("id"));

        List<JsonObject> events = entries(api.get("/api/v1/me/security-events", token).object());
        JsonObject registration = only(events, "auth.registered");
        assertEquals("SUCCESS", registration.getString("outcome"));
        assertEquals(address, registration.getString("clientAddress"), "the client address from the trusted proxy");
        assertEquals("USER", registration.getString("actorKind"));
        assertEquals(me.object().getString("id"), registration.getString("actorId"));
        assertEquals(address, only(events, "auth.token_issued").getString("clientAddress"));
        assertFalse(api.get("/api/v1/me/security-events", token).body().contains(token.substring(0, 20)),
                "no token in the log");
    }

    @Test
    void eachKindOfEventIsAudited() {
        String email = "events-" + UUID.randomUUID() + "@example.com";
        api.register(email, "Events");
        assertEquals(401, signIn(email, "not my password").statusCode());
        HttpResponse<String> signedIn = signIn(email, ApiClient.PASSWORD);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String token = ApiClient.accessToken(object(signedIn.body()));

        PlaidStandIn.sandbox();
        ApiClient.Reply publicToken = api.post("/api/v1/plaid/sandbox/public-token", token,
                "{\"institutionId\":\"ins_109508\",\"username\":\"user_good\",\"password\":\"pass_good\"}");
        assertEquals(200, publicToken.status(), publicToken.body());
        ApiClient.Reply exchanged = api.post("/api/v1/plaid/exchange", token,
                "{\"publicToken\":\"" + publicToken.object().getString("publicToken") + "\"}");
        assertEquals(201, exchanged.status(), exchanged.body());
        String itemId = exchanged.object().getString("itemId");
        assertEquals(204, api.delete("/api/v1/plaid/items/" + itemId, token).status());

        ApiClient.Reply portfolio = api.post("/api/v1/portfolios", token, "{\"name\":\"Short-lived\"}");
        String portfolioId = portfolio.object().getString("id");
        assertEquals(204, api.delete("/api/v1/portfolios/" + portfolioId, token).status());
        assertEquals(204, api.delete("/api/v1/memory", token).status());

        List<JsonObject> events = entries(api.get("/api/v1/me/security-events?size=200", token).object());
        Set<String> seen = new HashSet<>();
        events.forEach(e -> seen.add(e.getString("action") + ":" + e.getString("outcome")));
        assertTrue(seen.containsAll(Set.of("auth.registered:SUCCESS", "auth.sign_in:FAILURE", "auth.sign_in:SUCCESS",
                "auth.token_issued:SUCCESS", "plaid.item_linked:SUCCESS", "plaid.item_unlinked:SUCCESS",
                "portfolio.deleted:SUCCESS", "memory.erased:SUCCESS")), seen.toString());
        assertEquals(itemId, only(events, "plaid.item_unlinked").getString("target"));
        assertEquals(portfolioId, only(events, "portfolio.deleted").getString("target"));
        String everything = events.toString();
        assertFalse(everything.contains(publicToken.object().getString("publicToken")), "no Plaid token");
        assertFalse(everything.contains(ApiClient.PASSWORD), "no password");
        assertFalse(everything.contains(token.substring(0, 30)), "no bearer token");
    }

    @Test
    void theAuditLogCannotBeChangedOrDeleted() throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO audit_events (id, actor_kind, action, outcome)"
                    + " VALUES (gen_random_uuid(), 'SYSTEM', 'test.append', 'SUCCESS')");
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_events SET detail = 'x'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_events"));
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE audit_events"));
        }
    }

    @Test
    void onlyAdminsReachAdminEndpointsAndUsersSeeOnlyTheirOwnEvents() {
        String userToken = api.newUserToken("plain");
        String otherToken = api.newUserToken("other");
        String otherId = api.get("/api/v1/me", otherToken).object().getString("id");
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/audit")) {
            ApiClient.Reply refused = api.get(path, userToken);
            assertEquals(403, refused.status(), path + ": " + refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"));
            assertEquals(401, api.get(path, null).status());
        }
        assertEquals(403, api.post("/api/v1/admin/users/" + otherId + "/disable", userToken, "{}").status());

        String userId = api.get("/api/v1/me", userToken).object().getString("id");
        List<JsonObject> own = entries(api.get("/api/v1/me/security-events", userToken).object());
        assertFalse(own.isEmpty());
        assertTrue(own.stream().allMatch(e -> userId.equals(string(e, "subjectUserId"))), own.toString());

        JsonObject users = adminGet("/api/v1/admin/users?size=200");
        assertTrue(users.getJsonNumber("total").longValue() >= 3);
        JsonObject filtered = adminGet("/api/v1/admin/audit?actor=" + otherId + "&action=auth.registered");
        assertEquals(1, entries(filtered).size(), filtered.toString());
        assertEquals(400, api.get("/api/v1/admin/audit?from=yesterday", adminToken()).status());
        assertEquals(0, entries(adminGet("/api/v1/admin/audit?actor=" + otherId + "&to=2000-01-01T00:00:00Z")).size());
    }

    @Test
    void aDisabledUserCannotSignInAndTheirTokensStopWorking() {
        String email = "disabled-" + UUID.randomUUID() + "@example.com";
        JsonObject registered = api.register(email, "Disabled");
        String token = ApiClient.accessToken(registered.getJsonObject("token"));
        String id = registered.getJsonObject("user").getString("id");
        String admin = adminToken();

        ApiClient.Reply disabled = api.post("/api/v1/admin/users/" + id + "/disable", admin, "{}");
        assertEquals(200, disabled.status(), disabled.body());
        assertTrue(disabled.object().getBoolean("disabled"));
        assertEquals(401, api.get("/api/v1/me", token).status(), "the existing token is refused");
        HttpResponse<String> signIn = signIn(email, ApiClient.PASSWORD);
        assertEquals(403, signIn.statusCode(), signIn.body());
        assertEquals(401, signIn(email, "wrong password").statusCode(), "a wrong password says nothing more");

        String adminId = api.get("/api/v1/me", admin).object().getString("id");
        assertEquals(409, api.post("/api/v1/admin/users/" + adminId + "/disable", admin, "{}").status(),
                "an admin cannot disable themselves");

        assertEquals(200, api.post("/api/v1/admin/users/" + id + "/enable", admin, "{}").status());
        assertEquals(200, api.get("/api/v1/me", token).status(), "enabled again");
        JsonObject audit = adminGet("/api/v1/admin/audit?actor=" + adminId);
        Set<String> actions = new HashSet<>();
        entries(audit).stream().filter(e -> id.equals(string(e, "target"))).forEach(e -> actions.add(e.getString("action")));
        assertEquals(Set.of("admin.user_disabled", "admin.user_enabled"), actions);
    }

    private String adminToken() {
        HttpResponse<String> signedIn = signIn(ADMIN_EMAIL, ApiClient.PASSWORD);
        if (signedIn.statusCode() == 401) {
            return ApiClient.accessToken(api.register(ADMIN_EMAIL, "Security Admin").getJsonObject("token"));
        }
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return ApiClient.accessToken(object(signedIn.body()));
    }

    private JsonObject adminGet(String path) {
        ApiClient.Reply reply = api.get(path, adminToken());
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.object();
    }

    private HttpResponse<String> signIn(String email, String password) {
        return api.exchange("/api/v1/auth/token", null, ApiClient.json(Json.createObjectBuilder()
                .add("email", email).add("password", password).build()), "X-Forwarded-For", address);
    }

    private static String registration(String email, String password, String name) {
        return ApiClient.json(Json.createObjectBuilder().add("email", email).add("password", password)
                .add("displayName", name).build());
    }

    private static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static List<JsonObject> entries(JsonObject page) {
        JsonArray entries = page.getJsonArray("entries");
        return entries.stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject only(List<JsonObject> events, String action) {
        List<JsonObject> matching = events.stream().filter(e -> action.equals(e.getString("action"))).toList();
        assertEquals(1, matching.size(), action + " in " + events);
        return matching.get(0);
    }

    private static String string(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getString(name) : null;
    }
}
