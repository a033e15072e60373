package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A small HTTP client for the API under test, speaking JSON. */
final class ApiClient {

    record Reply(int status, String contentType, String body, HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        JsonObject object() {
            return json().asJsonObject();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form-encoded POST with an optional raw {@code Authorization} header (the OAuth token endpoint). */
    Reply postForm(String path, String authorization, String form) {
        HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    Reply put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Any request with the headers given (and no others but Accept): for tests of the edge itself. */
    Reply exchange(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A password that zxcvbn rates strong enough, for the accounts the tests create. */
    static final String PASSWORD = "plaid-otter-quarry-91";

    /** Registers a fresh user and returns the bearer token that registering gives. */
    String newUserToken(String name) {
        return accessToken(register(name + "-" + UUID.randomUUID() + "@example.com", name).getJsonObject("token"));
    }

    /** Registers {@code email} with {@link #PASSWORD}; the answer holds the user and a token. */
    JsonObject register(String email, String name) {
        Reply registered = post("/api/v1/auth/register", null,
                json(Json.createObjectBuilder().add("email", email).add("password", PASSWORD).add("displayName", name).build()));
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        return registered.object();
    }

    /**
     * Links a bank for the user of {@code token} through the Plaid sandbox's dialog (First Platypus Bank, the
     * sandbox user {@code username} with the right password) and returns the linked item's id.
     */
    String linkSandboxBank(String token, String username) {
        Reply publicToken = post("/api/v1/plaid/sandbox/public-token", token, json(Json.createObjectBuilder()
                .add("institutionId", "ins_109508").add("username", username).add("password", "pass_good").build()));
        if (publicToken.status() != 200) {
            throw new AssertionError("sandbox public token: " + publicToken);
        }
        Reply exchanged = post("/api/v1/plaid/exchange", token, json(Json.createObjectBuilder()
                .add("publicToken", publicToken.object().getString("publicToken")).build()));
        if (exchanged.status() != 201) {
            throw new AssertionError("exchange: " + exchanged);
        }
        return exchanged.object().getString("itemId");
    }

    /** The bearer token of a token answer. */
    static String accessToken(JsonObject token) {
        return token.getString("access_token");
    }

    /** A request with extra headers (name, value, name, value…), answered with its headers; {@code json} null for GET. */
    HttpResponse<String> exchange(String path, String token, String json, String... headers) {
        HttpRequest.Builder builder = request(path, token);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Registers a fresh user, makes it an administrator in the database (how the first administrators come about
     * is the admin configuration's business, not this client's) and returns a token that carries the group.
     */
    String newAdminToken(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        register(email, name);
        try (var connection = java.sql.DriverManager.getConnection(System.getenv("FINAGENT_DB_URL"),
                System.getenv("FINAGENT_DB_USER"), System.getenv("FINAGENT_DB_PASSWORD"));
             var update = connection.prepareStatement(
                     "UPDATE app_users SET roles = ARRAY['user', 'admin']::TEXT[] WHERE email = ?")) {
            update.setString(1, email);
            if (update.executeUpdate() != 1) {
                throw new AssertionError("no user " + email);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot make " + email + " an administrator", e);
        }
        Reply token = post("/api/v1/auth/token", null,
                json(Json.createObjectBuilder().add("email", email).add("password", PASSWORD).build()));
        if (token.status() != 200) {
            throw new AssertionError("token: " + token);
        }
        return accessToken(token.object());
    }

    /** A readiness check by name, once the application reports ready (the embedding model loads after deployment). */
    JsonObject readinessCheck(String name) {
        Reply ready = await("the application reports ready").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> get("/health/ready", null), r -> r.status() == 200);
        String body = ready.body();
        return ready.object().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check " + name + ": " + body));
    }

    static String json(JsonStructure structure) {
        return structure.toString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
