package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner clients over plain HTTP: registration by an administrator, the OAuth 2.0 client-credentials grant and
 * its RFC 6749 errors, scopes, rotation with a grace period, revocation, and the OpenAPI document that the
 * generated client of {@link PartnerFlowIT} is built from.
 */
@ExtendWith(DeployedApplication.class)
class PartnerClientsIT {

    private static final URI BASE = URI.create("http://localhost:8080/");
    private static final String TOKEN = "/api/v1/oauth/token";
    private final ApiClient api = new ApiClient(BASE);


    @Test
    void onlyAdministratorsManageClientsAndTheSecretIsShownOnceAndStoredHashed() throws Exception {
        String user = api.newUserToken("not-admin");
        String admin = api.newAdminToken("admin");
        String body = registration("Reporting partner", List.of("market:read"), 60);

        assertProblem(api.post("/api/v1/admin/clients", null, body), 401);
        assertProblem(api.post("/api/v1/admin/clients", user, body), 403);
        assertProblem(api.get("/api/v1/admin/clients", user), 403);

        ApiClient.Reply created = api.post("/api/v1/admin/clients", admin, body);
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control"));
        JsonObject credentials = created.object();
        String clientId = credentials.getString("clientId");
        String secret = credentials.getString("clientSecret");
        assertTrue(clientId.startsWith("fac_") && secret.startsWith("fas_"), credentials.toString());
        assertEquals(List.of("market:read"), credentials.getJsonObject("client").getJsonArray("scopes")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(60, credentials.getJsonObject("client").getInt("rateLimitPerMinute"));
        assertTrue(created.header("Location").endsWith("/api/v1/admin/clients/" + clientId));

        ApiClient.Reply listed = api.get("/api/v1/admin/clients", admin);
        assertEquals(200, listed.status());
        assertTrue(listed.body().contains(clientId));
        assertFalse(listed.body().contains(secret), "the secret is never shown again");
        assertFalse(api.get("/api/v1/admin/clients/" + clientId, admin).body().contains("Secret\":\"fas_"));

        try (var connection = java.sql.DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             var hashes = connection.prepareStatement("SELECT s.secret_hash FROM partner_client_secrets s "
                     + "JOIN partner_clients c ON c.id = s.client_ref WHERE c.client_id = ?")) {
            hashes.setString(1, clientId);
            try (var rows = hashes.executeQuery()) {
                assertTrue(rows.next());
                String stored = rows.getString(1);
                assertFalse(stored.contains(secret));
                assertEquals(sha256(secret), stored, "SHA-256 of the 256-bit secret");
            }
        }

        assertProblem(api.post("/api/v1/admin/clients", admin, registration("x", List.of("portfolios:write"), 60)), 400);
        assertProblem(api.post("/api/v1/admin/clients", admin, registration("x", List.of(), 60)), 400);
        assertProblem(api.post("/api/v1/admin/clients", admin, registration("x", List.of("market:read"), 0)), 400);
        assertProblem(api.get("/api/v1/admin/clients/fac_nosuchclient00000", admin), 404);
    }

    @Test
    void clientCredentialsByBasicOrFormGiveAScopedTokenWithRfc6749FieldsAndErrors() {
        String admin = api.newAdminToken("admin");
        JsonObject credentials = register(admin, List.of("market:read", "analytics:run"));
        String clientId = credentials.getString("clientId");
        String secret = credentials.getString("clientSecret");

        ApiClient.Reply byForm = api.postForm(TOKEN, null, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + secret);
        assertEquals(200, byForm.status(), byForm.body());
        assertEquals("no-store", byForm.header("Cache-Control"));
        JsonObject token = byForm.object();
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals("market:read analytics:run", token.getString("scope"));
        assertTrue(token.getInt("expires_in") > 0 && token.getInt("expires_in") <= 3600, token.toString());
        assertFalse(token.containsKey("accessToken"), "RFC 6749 names only");

        ApiClient.Reply byBasic = api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&scope=market%3Aread");
        assertEquals(200, byBasic.status(), byBasic.body());
        assertEquals("market:read", byBasic.object().getString("scope"));
        String marketOnly = byBasic.object().getString("access_token");

        assertEquals(200, api.get("/api/v1/market/quote/AAPL", marketOnly).status());
        ApiClient.Reply noScope = api.post("/api/v1/analytics/risk", marketOnly, "{\"prices\":[1,2,3]}");
        assertProblem(noScope, 403);
        assertTrue(noScope.object().getString("detail").contains("analytics:run"), noScope.body());
        String both = token.getString("access_token");
        for (String userData : List.of("/api/v1/me", "/api/v1/portfolios", "/api/v1/plaid/items", "/api/v1/memory",
                "/api/v1/chat/general/history", "/api/v1/reflections", "/api/v1/admin/clients")) {
            ApiClient.Reply refused = api.get(userData, both);
            assertProblem(refused, 403);
            assertTrue(refused.object().getString("detail").contains("user's token"), userData + ": " + refused.body());
        }

        assertOAuthError(api.postForm(TOKEN, basic(clientId, "fas_wrong"), "grant_type=client_credentials"),
                401, "invalid_client");
        assertTrue(api.postForm(TOKEN, basic(clientId, "fas_wrong"), "grant_type=client_credentials")
                .header("WWW-Authenticate").startsWith("Basic"), "Basic was used, so the scheme is named");
        ApiClient.Reply wrongForm = api.postForm(TOKEN, null, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=fas_wrong");
        assertOAuthError(wrongForm, 401, "invalid_client");
        assertNull(wrongForm.header("WWW-Authenticate"));
        assertOAuthError(api.postForm(TOKEN, null, "grant_type=client_credentials&client_id=fac_unknown0000000000&client_secret=" + secret),
                401, "invalid_client");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "scope=market%3Aread"), 400, "invalid_request");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&grant_type=client_credentials"),
                400, "invalid_request");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=urn:example:magic"), 400,
                "unsupported_grant_type");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=password&username=a&password=b"), 400,
                "unauthorized_client");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&scope=debates%3Awrite"),
                400, "invalid_scope");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&scope=everything"),
                400, "invalid_scope");
    }

    /** The attacker's probe of issue 9, repeated on the token endpoint: NUL characters and huge values. */
    @Test
    void nulCharactersAndHugeValuesAreClientErrorsOnTheTokenEndpoint() {
        String admin = api.newAdminToken("admin");
        JsonObject credentials = register(admin, List.of("market:read"));
        String clientId = credentials.getString("clientId");
        String secret = credentials.getString("clientSecret");

        // A NUL in the form is a malformed request (RFC 6749 section 5.2); in HTTP Basic it is a wrong client.
        assertOAuthError(api.postForm(TOKEN, null, "grant_type=client_credentials&client_id=fac_%00x&client_secret="
                + secret), 400, "invalid_request");
        assertOAuthError(api.postForm(TOKEN, basic(clientId + "\u0000", secret), "grant_type=client_credentials"),
                401, "invalid_client");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret + "\u0000"), "grant_type=client_credentials"),
                401, "invalid_client");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&scope=market%3Aread%00"),
                400, "invalid_request");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client%00_credentials"),
                400, "invalid_request");
        String huge = "x".repeat(1 << 20);
        assertOAuthError(api.postForm(TOKEN, null, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + huge), 400, "invalid_request");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials&scope=" + huge),
                400, "invalid_request");
        assertEquals(200, api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials").status(),
                "the probe locked nothing out");
    }

    @Test
    void rotationKeepsTheOldSecretForTheGracePeriodAndRevocationEndsEveryToken() {
        String admin = api.newAdminToken("admin");
        JsonObject credentials = register(admin, List.of("market:read"));
        String clientId = credentials.getString("clientId");
        String first = credentials.getString("clientSecret");
        String token = clientToken(clientId, first);

        ApiClient.Reply rotated = api.post("/api/v1/admin/clients/" + clientId + "/rotate", admin, "");
        assertEquals(200, rotated.status(), rotated.body());
        String second = rotated.object().getString("clientSecret");
        assertNotEquals(first, second);
        assertTrue(rotated.object().getJsonObject("client").containsKey("previousSecretExpiresAt"), rotated.body());
        assertEquals(200, api.postForm(TOKEN, basic(clientId, first), "grant_type=client_credentials").status(),
                "the old secret works during the grace period");
        assertEquals(200, api.postForm(TOKEN, basic(clientId, second), "grant_type=client_credentials").status());

        ApiClient.Reply immediate = api.post("/api/v1/admin/clients/" + clientId + "/rotate?graceSeconds=0", admin, "");
        assertEquals(200, immediate.status(), immediate.body());
        String third = immediate.object().getString("clientSecret");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, first), "grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(api.postForm(TOKEN, basic(clientId, second), "grant_type=client_credentials"), 401, "invalid_client");
        assertEquals(200, api.postForm(TOKEN, basic(clientId, third), "grant_type=client_credentials").status());
        assertProblem(api.post("/api/v1/admin/clients/" + clientId + "/rotate?graceSeconds=-1", admin, ""), 400);

        assertEquals(200, api.get("/api/v1/market/quote/AAPL", token).status(), "tokens survive a rotation");
        ApiClient.Reply revoked = api.post("/api/v1/admin/clients/" + clientId + "/revoke", admin, "");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals("revoked", revoked.object().getString("status"));
        assertProblem(api.get("/api/v1/market/quote/AAPL", token), 401);
        assertOAuthError(api.postForm(TOKEN, basic(clientId, third), "grant_type=client_credentials"), 401, "invalid_client");
        assertProblem(api.post("/api/v1/admin/clients/" + clientId + "/rotate", admin, ""), 409);
    }

    @Test
    void eachClientHasItsOwnRateLimitAndItsActionsAreAudited() {
        String admin = api.newAdminToken("admin");
        ApiClient.Reply created = api.post("/api/v1/admin/clients", admin,
                registration("Slow partner", List.of("market:read"), 3));
        assertEquals(201, created.status(), created.body());
        String clientId = created.object().getString("clientId");
        String token = clientToken(clientId, created.object().getString("clientSecret"));

        for (int call = 1; call <= 3; call++) {
            ApiClient.Reply quote = api.get("/api/v1/market/quote/AAPL", token);
            assertEquals(200, quote.status(), quote.body());
            assertEquals("3", quote.header("RateLimit-Limit"));
            assertEquals(String.valueOf(3 - call), quote.header("RateLimit-Remaining"));
        }
        ApiClient.Reply over = api.get("/api/v1/market/quote/AAPL", token);
        assertProblem(over, 429);
        assertTrue(Long.parseLong(over.header("Retry-After")) > 0, over.headers().map().toString());
        assertEquals("0", over.header("RateLimit-Remaining"));
        assertEquals(200, api.get("/api/v1/market/quote/AAPL", api.newUserToken("neighbour")).status(),
                "one client's limit is its own");

        api.post("/api/v1/admin/clients/" + clientId + "/revoke", admin, "");
        JsonObject byAdmin = api.get("/api/v1/admin/audit?action=admin.client_revoked&size=200", admin).object();
        assertTrue(byAdmin.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .anyMatch(entry -> clientId.equals(entry.getString("target", null))), byAdmin.toString());
        JsonObject byClient = api.get("/api/v1/admin/audit?actor=" + clientId, admin).object();
        List<String> actions = byClient.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .map(entry -> entry.getString("action") + ":" + entry.getString("outcome")).toList();
        assertTrue(actions.contains("auth.token_issued:SUCCESS"), actions.toString());
        assertFalse(byClient.toString().contains(created.object().getString("clientSecret")), "no secret is logged");
    }

    /**
     * The document the server serves is the one the build generated from our annotations and types (keys and
     * arrays compared in one canonical order, the deployment's own server address left out), and every answer
     * in it has a schema.
     */
    @Test
    void theServedOpenApiDocumentIsTheBuiltOneWithASchemaForEveryAnswer() throws Exception {
        ApiClient.Reply served = api.get("/openapi", null);
        assertEquals(200, served.status());
        String canonical = OpenApiDocuments.canonical(served.object());
        assertEquals(OpenApiDocuments.canonical(Files.readString(OpenApiDocuments.BUILT)), canonical);
        JsonObject paths = served.object().getJsonObject("paths");
        for (String path : List.of("/api/v1/oauth/token", "/api/v1/market/quote/{symbol}", "/api/v1/analytics/risk",
                "/api/v1/debates/{id}")) {
            String operation = paths.getJsonObject(path).toString();
            assertTrue(operation.contains("\"$ref\":\"#/components/schemas/"), path + ": " + operation);
        }
        assertTrue(served.object().getJsonObject("components").getJsonObject("schemas").getJsonObject("AccessToken")
                .getJsonObject("properties").containsKey("access_token"));
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (operation instanceof JsonObject described && described.containsKey("responses")) {
                described.getJsonObject("responses").forEach((status, answer) -> {
                    JsonObject content = answer.asJsonObject().getJsonObject("content");
                    if (content != null) {
                        content.forEach((type, media) -> assertTrue(typed(media.asJsonObject().get("schema")),
                                method + " " + path + " " + status + " " + type + ": " + media));
                    }
                });
            }
        }));
    }

    /** A schema a client can be generated from: a named type, a primitive, or a collection of such. */
    private static boolean typed(JsonValue schema) {
        if (!(schema instanceof JsonObject described)) {
            return false;
        }
        if (described.containsKey("$ref")) {
            return true;
        }
        return switch (described.getString("type", "")) {
            case "string", "number", "integer", "boolean" -> true;
            case "array" -> typed(described.get("items"));
            case "object" -> (described.containsKey("properties") && !described.getJsonObject("properties").isEmpty())
                    || typed(described.get("additionalProperties"));
            default -> false;
        };
    }

    private JsonObject register(String admin, List<String> scopes) {
        ApiClient.Reply created = api.post("/api/v1/admin/clients", admin, registration("Partner", scopes, 600));
        assertEquals(201, created.status(), created.body());
        return created.object();
    }

    private String clientToken(String clientId, String secret) {
        ApiClient.Reply token = api.postForm(TOKEN, basic(clientId, secret), "grant_type=client_credentials");
        assertEquals(200, token.status(), token.body());
        return token.object().getString("access_token");
    }

    private static String registration(String name, List<String> scopes, int ratePerMinute) {
        var array = Json.createArrayBuilder();
        scopes.forEach(array::add);
        return Json.createObjectBuilder().add("name", name).add("scopes", array)
                .add("rateLimitPerMinute", ratePerMinute).build().toString();
    }

    /** RFC 6749 section 2.3.1: each part form-encoded, then Base64 of id:secret. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertOAuthError(ApiClient.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals(error, reply.object().getString("error"), reply.body());
        assertFalse(reply.object().getString("error_description").isBlank());
    }

    private static void assertProblem(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.object().getInt("status"));
        assertFalse(reply.body().contains("Exception"), reply.body());
    }
}
