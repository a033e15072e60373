package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small HTTP client for the API under test, speaking JSON. */
final class ApiClient {

    record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

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

    /** Registers a fresh user and returns a bearer token for it. */
    String newUserToken(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        Reply registered = post("/api/v1/auth/register", null,
                json(Json.createObjectBuilder().add("email", email).add("password", "correct horse").add("displayName", name).build()));
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        Reply token = post("/api/v1/auth/token", null,
                json(Json.createObjectBuilder().add("email", email).add("password", "correct horse").build()));
        if (token.status() != 200) {
            throw new AssertionError("token: " + token);
        }
        return token.object().getString("access_token");
    }

    /**
     * Registers a fresh user, makes it an administrator in the database (how the first administrators come about
     * is the admin configuration's business, not this client's) and returns a token that carries the group.
     */
    String newAdminToken(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        Reply registered = post("/api/v1/auth/register", null,
                json(Json.createObjectBuilder().add("email", email).add("password", "correct horse").build()));
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
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
                json(Json.createObjectBuilder().add("email", email).add("password", "correct horse").build()));
        if (token.status() != 200) {
            throw new AssertionError("token: " + token);
        }
        return token.object().getString("access_token");
    }

    /** A readiness check by name, once the application reports ready (the embedding model loads after deployment). */
    JsonObject readinessCheck(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply ready = get("/health/ready", null);
        while (ready.status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready: " + ready);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            ready = get("/health/ready", null);
        }
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
