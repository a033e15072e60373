package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on against a real OpenID Connect provider: the Keycloak that {@link KeycloakExtension} starts with the
 * realm in {@code src/test/resources/keycloak}. Keycloak's own tokens (direct grant for the realm's test users) on our
 * API, just-in-time accounts with mapped roles, no silent merge with a local account of the same e-mail, explicit
 * linking, and the browser signing in on Keycloak's login page and out again.
 */
@ExtendWith(DeployedApplication.class)
class SingleSignOnIT {

    private static final URI BASE = URI.create("http://localhost:8080/");
    private static String issuer;
    private final ApiClient api = new ApiClient(BASE);
    private final HttpClient http = HttpClient.newHttpClient();


    @BeforeAll
    static void provider() {
        issuer = KeycloakExtension.awaitReady();
    }

    @Test
    void theSignInPageIsToldToOfferKeycloak() {
        ApiClient.Reply providers = api.get("/api/v1/auth/providers", null);
        assertEquals(200, providers.status(), providers.body());
        JsonObject provider = providers.json().asJsonArray().getJsonObject(0);
        assertEquals("oidc", provider.getString("id"));
        assertEquals("Keycloak", provider.getString("name"));
        assertEquals("/sso/login", provider.getString("signInUrl"));
    }

    @Test
    void keycloaksAccessTokenReachesAJustInTimeAccount() throws Exception {
        String token = keycloakToken("olivia", "olivia-password");
        ApiClient.Reply me = api.get("/api/v1/me", token);
        assertEquals(200, me.status(), me.body());
        assertEquals("olivia@example.com", me.object().getString("email"));
        assertEquals("Olivia Okafor", me.object().getString("displayName"));
        assertEquals(List.of("user"), roles(me));

        String again = keycloakToken("olivia", "olivia-password");
        assertNotEquals(token, again);
        assertEquals(me.object().getString("id"), api.get("/api/v1/me", again).object().getString("id"),
                "the same person, the same account");
        assertEquals(List.of(me.object().getString("id")), accountsOf(issuer, subjectOf(token)),
                "one identity, keyed by issuer and subject");

        ApiClient.Reply created = api.post("/api/v1/portfolios", token, "{\"name\":\"Through Keycloak\"}");
        assertEquals(201, created.status(), created.body());
        assertTrue(api.get("/api/v1/portfolios", again).body().contains("Through Keycloak"));
    }

    @Test
    void theAdminGroupBecomesTheAdminRole() throws Exception {
        ApiClient.Reply me = api.get("/api/v1/me", keycloakToken("adele", "adele-password"));
        assertEquals(200, me.status(), me.body());
        assertEquals(List.of("user", "admin"), roles(me));
    }

    @Test
    void aLocalAccountWithTheSameEmailIsNotMergedUntilTheOwnerLinksIt() throws Exception {
        ApiClient.Reply registered = api.post("/api/v1/auth/register", null,
                "{\"email\":\"lena@example.com\",\"password\":\"lena local secret\",\"displayName\":\"Lena\"}");
        assertEquals(201, registered.status(), registered.body());
        String localId = registered.object().getJsonObject("user").getString("id");

        String providerToken = keycloakToken("lena", "lena-password");
        ApiClient.Reply provisioned = api.get("/api/v1/me", providerToken);
        assertEquals(200, provisioned.status(), provisioned.body());
        assertEquals("lena@example.com", provisioned.object().getString("email"));
        assertNotEquals(localId, provisioned.object().getString("id"), "a provider's e-mail is no proof of the local account");
        assertEquals(localId, api.get("/api/v1/me", localToken("lena@example.com", "lena local secret"))
                .object().getString("id"), "the local account signs in as before");

        ApiClient.Reply wrongPassword = api.post("/api/v1/me/links", providerToken,
                "{\"email\":\"lena@example.com\",\"password\":\"not her password\"}");
        assertEquals(401, wrongPassword.status(), wrongPassword.body());
        assertTrue(wrongPassword.contentType().startsWith("application/problem+json"));
        assertEquals(provisioned.object().getString("id"), api.get("/api/v1/me", providerToken).object().getString("id"),
                "a refused link changes nothing");

        ApiClient.Reply linked = api.post("/api/v1/me/links", providerToken,
                "{\"email\":\"lena@example.com\",\"password\":\"lena local secret\"}");
        assertEquals(200, linked.status(), linked.body());
        assertEquals(localId, api.get("/api/v1/me", linked.object().getString("access_token")).object().getString("id"));
        assertEquals(localId, api.get("/api/v1/me", keycloakToken("lena", "lena-password")).object().getString("id"),
                "after linking, signing in through Keycloak reaches the local account");
        assertEquals(List.of(localId), accountsOf(issuer, subjectOf(providerToken)));
    }

    @Test
    void aForgedProviderTokenIsRefused() throws Exception {
        String[] parts = keycloakToken("olivia", "olivia-password").split("\\.");
        ApiClient.Reply forged = api.get("/api/v1/me", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl");
        assertEquals(401, forged.status(), forged.body());
        assertTrue(forged.contentType().startsWith("application/problem+json"), forged.contentType());
    }

    @Test
    void aWebSocketAcceptsTheProvidersToken() throws Exception {
        String token = keycloakToken("olivia", "olivia-password");
        String userId = api.get("/api/v1/me", token).object().getString("id");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:8080/ws/echo?access_token=" + token),
                        new SocketCollector(received, null))
                .get(10, TimeUnit.SECONDS);
        JsonObject welcome = parse(received.poll(10, TimeUnit.SECONDS));
        assertEquals("welcome", welcome.getString("type"));
        assertEquals(userId, welcome.getJsonObject("payload").getString("user"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void signingInStartsAtTheProviderAndEndsOnlyThroughIt() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(BASE.resolve("/sso/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(issuer + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=finagent"), location);
        assertTrue(location.contains("redirect_uri=" + URLEncoder.encode("http://localhost:8080/sso/callback",
                StandardCharsets.UTF_8)), location);

        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(BASE.resolve("/sso/callback")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, callback.statusCode(), callback.body());
        assertTrue(callback.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        ApiClient.Reply unknownCode = api.post("/api/v1/auth/sso/token", null, "{\"code\":\"never-issued\"}");
        assertEquals(401, unknownCode.status(), unknownCode.body());
        assertEquals("/problems/authentication", unknownCode.object().getString("type"));
    }

    /** The browser signs in on Keycloak's own login page, lands in the app signed in, and signs out through Keycloak. */
    @Test
    void aBrowserSignsInThroughKeycloakAndOutAgain() throws Exception {
        File frontend = new File(System.getProperty("finagent.frontend"));
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "e2e/sso.e2e.mjs")
                .directory(frontend)
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:8080");
        builder.environment().put("OIDC_ISSUER", issuer);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the browser test did not exit:\n" + output);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("# fail 0") && output.contains("# skipped 0") && !output.contains("# pass 0"),
                output);
    }

    /** An access token from Keycloak's token endpoint by the resource owner password grant, for a realm user. */
    private String keycloakToken(String username, String password) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "finagent",
                "client_secret", "it-oidc-client-secret", "username", username, "password", password,
                "scope", "openid email profile");
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body()).getString("access_token");
    }

    private String localToken(String email, String password) {
        ApiClient.Reply token = api.post("/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, token.status(), token.body());
        return token.object().getString("access_token");
    }

    private static List<String> roles(ApiClient.Reply me) {
        return me.object().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static String subjectOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return parse(payload).getString("sub");
    }

    /** The accounts that the identity (issuer, subject) belongs to, straight from PostgreSQL. */
    private static List<String> accountsOf(String issuer, String subject) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             PreparedStatement query = connection.prepareStatement(
                     "SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?")) {
            query.setString(1, issuer);
            query.setString(2, subject);
            List<String> users = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
            return users;
        }
    }

    private static JsonObject parse(String json) {
        assertFalse(json == null, "no message");
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
