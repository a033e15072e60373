package com.finagent.plaid.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * How Plaid reads a request, before any endpoint sees it: the body (size, one JSON object), the API keys, the API
 * version, and the fields against the SDK's model of the endpoint's request (types, unknown fields, missing
 * required fields). Each check fails with the error object Plaid answers.
 */
final class PlaidRequests {

    private static final String API_VERSION = "2020-09-14";
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final TypeAdapter<JsonElement> JSON_ELEMENT = PlaidJson.GSON.getAdapter(JsonElement.class);

    private PlaidRequests() {
    }

    /** The request's body: at most 4 MB of one JSON object. */
    static JsonObject body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw PlaidApiError.invalidRequest("INVALID_BODY", "body exceeds the maximum size");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            JsonElement element = JSON_ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || element == null || !element.isJsonObject()) {
                throw PlaidApiError.invalidBody();
            }
            return element.getAsJsonObject();
        } catch (IOException | RuntimeException malformed) {
            if (malformed instanceof PlaidApiError error) {
                throw error;
            }
            throw PlaidApiError.invalidBody();
        }
    }

    /**
     * The API keys, from the headers {@code PLAID-CLIENT-ID}/{@code PLAID-SECRET} as the SDK sends them, or
     * {@code client_id}/{@code secret} in the body: both present, and the configured ones when keys are configured.
     */
    static void checkApiKeys(HttpExchange exchange, JsonObject json, SandboxOptions options) {
        String clientId = credential(exchange.getRequestHeaders().getFirst("PLAID-CLIENT-ID"), json, "client_id");
        String secret = credential(exchange.getRequestHeaders().getFirst("PLAID-SECRET"), json, "secret");
        if (clientId == null || secret == null
                || (options.clientId() != null && !(options.clientId().equals(clientId)
                && options.secret().equals(secret)))) {
            throw PlaidApiError.invalidApiKeys();
        }
    }

    private static String credential(String header, JsonObject json, String field) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        JsonElement value = json.get(field);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank() ? value.getAsString() : null;
    }

    /** The request as the SDK's model {@code type}: field types via the SDK's Gson; unknown and missing fields checked against the SDK model, as Plaid does. */
    static <T> T parse(JsonObject json, Class<T> type) {
        Set<String> known = PlaidJson.fieldNames(type);
        Set<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw PlaidApiError.invalidRequest("UNKNOWN_FIELDS",
                    "the following fields are not recognized by this endpoint: " + String.join(", ", unknown));
        }
        T request;
        try {
            request = PlaidJson.GSON.fromJson(json, type);
        } catch (RuntimeException wrongType) {
            throw PlaidApiError.invalidField("a field has the wrong type: " + rootMessage(wrongType));
        }
        Set<String> missing = new TreeSet<>();
        for (String name : PlaidJson.requiredNames(type)) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw PlaidApiError.invalidRequest("MISSING_FIELDS",
                    "the following required fields are missing: " + String.join(", ", missing));
        }
        JsonElement token = json.get("access_token");
        if (token != null && !token.isJsonPrimitive()) {
            throw PlaidApiError.invalidField("access_token must be a string");
        }
        return request;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The {@code Plaid-Version} header, when sent, must be the version this sandbox speaks. */
    static void checkVersion(HttpExchange exchange) {
        String version = exchange.getRequestHeaders().getFirst("Plaid-Version");
        if (version != null && !version.equals(API_VERSION)) {
            throw PlaidApiError.invalidRequest("INCOMPATIBLE_API_VERSION",
                    "the Plaid-Version header must be " + API_VERSION + " for this environment");
        }
    }
}
