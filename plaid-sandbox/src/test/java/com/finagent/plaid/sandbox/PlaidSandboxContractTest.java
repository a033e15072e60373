package com.finagent.plaid.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint's answers, and its error objects, validated against the response schemas of Plaid's own
 * OpenAPI spec (read from the shared data folder, not shipped): the 200 response's {@code $ref} for successes,
 * the {@code default} response ({@code PlaidError}) for failures, and the webhook schemas for webhook bodies.
 */
class PlaidSandboxContractTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OpenApiInteractionValidator validator;
    private static SchemaValidator schemas;
    private static PlaidSandbox sandbox;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws IOException {
        Path spec = Path.of(System.getProperty("finagent.shared.data", "../../shared/data"),
                "plaid", "plaid-openapi-2020-09-14.yml");
        assertTrue(Files.isRegularFile(spec), "Plaid's OpenAPI spec is expected at " + spec.toAbsolutePath());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec.toString(), null, options);
        // Plaid's schemas allow extra fields; without this the validator would forbid them inside allOf parts.
        LevelResolver levels = LevelResolver.create()
                .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE).build();
        validator = OpenApiInteractionValidator.createFor(api).withLevelResolver(levels).build();
        schemas = new SchemaValidator(api, new MessageResolver(levels));
        sandbox = PlaidSandbox.start("127.0.0.1", 0, SandboxOptions.defaults().withSeed(11)
                // On a whole minute: java.time's toString() then drops the seconds the spec's date-time demands.
                .withClock(Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC)));
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    record Reply(int status, String contentType, String body) {

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String string(String field) {
            return json().get(field).getAsString();
        }
    }

    static Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, Map.of("PLAID-CLIENT-ID", "contract-client", "PLAID-SECRET", "contract-secret",
                "Plaid-Version", "2020-09-14"));
    }

    static Reply post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path.substring(1)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** The reply validates against the spec's response for this path and status (200, or the default error). */
    static Reply conforms(String path, Reply reply) {
        ValidationReport report = validator.validateResponse(path, Request.Method.POST,
                SimpleResponse.Builder.status(reply.status()).withContentType(reply.contentType())
                        .withBody(reply.body()).build());
        assertFalse(report.hasErrors(), () -> path + " answered " + reply.status() + " off the spec:\n"
                + messages(report) + "\n" + abbreviate(reply.body()));
        return reply;
    }

    static Reply ok(String path, String body) throws IOException, InterruptedException {
        Reply reply = post(path, body);
        assertEquals(200, reply.status(), () -> path + ": " + reply.body());
        return conforms(path, reply);
    }

    static Reply fails(String path, String body, int status, String errorCode) throws IOException, InterruptedException {
        return fails(path, post(path, body), status, errorCode);
    }

    static Reply fails(String path, Reply reply, int status, String errorCode) {
        assertEquals(status, reply.status(), reply::body);
        assertEquals(errorCode, reply.string("error_code"));
        conformsTo("PlaidError", reply.body());
        return conforms(path, reply);
    }

    static void conformsTo(String schemaName, String json) {
        ValidationReport report = schemaReport(schemaName, json);
        assertFalse(report.hasErrors(), () -> schemaName + ":\n" + messages(report) + "\n" + abbreviate(json));
    }

    static ValidationReport schemaReport(String schemaName, String json) {
        return schemas.validate(json, new Schema<>().$ref("#/components/schemas/" + schemaName), "body");
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream().map(message -> "  " + message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    /** Links an item with a webhook and returns its access token and item id. */
    static String[] link(String institutionId) throws IOException, InterruptedException {
        String publicToken = ok("/sandbox/public_token/create", """
                {"institution_id": "%s", "initial_products": ["transactions", "investments"],
                 "options": {"webhook": "%s"}}""".formatted(institutionId, receiver.url())).string("public_token");
        Reply exchanged = ok("/item/public_token/exchange", "{\"public_token\": \"" + publicToken + "\"}");
        return new String[] {exchanged.string("access_token"), exchanged.string("item_id")};
    }

    @Test
    void everyEndpointAnswersWithItsResponseSchema() throws Exception {
        ok("/link/token/create", """
                {"client_name": "Fin Agent", "language": "en", "country_codes": ["US"],
                 "user": {"client_user_id": "user-1"}, "products": ["transactions"], "webhook": "%s"}"""
                .formatted(receiver.url()));
        ok("/institutions/get_by_id", "{\"institution_id\": \"ins_109508\", \"country_codes\": [\"US\"]}");
        ok("/institutions/get_by_id", """
                {"institution_id": "ins_109512", "country_codes": ["US"],
                 "options": {"include_optional_metadata": true, "include_status": true}}""");

        String[] item = link("ins_109508");
        String token = "{\"access_token\": \"" + item[0] + "\"}";
        ok("/item/get", token);
        ok("/accounts/get", token);
        ok("/accounts/balance/get", token);
        Reply first = ok("/transactions/sync", "{\"access_token\": \"" + item[0] + "\", \"count\": 500}");
        String cursor = first.string("next_cursor");
        while (first.json().get("has_more").getAsBoolean()) {
            first = ok("/transactions/sync", """
                    {"access_token": "%s", "cursor": "%s", "count": 500,
                     "options": {"include_original_description": true}}""".formatted(item[0], cursor));
            cursor = first.string("next_cursor");
        }
        List<String> ids = sandbox.transactionIds(item[1]);
        sandbox.modifyTransactions(item[1], Map.of(ids.get(0), 12.5));
        sandbox.removeTransactions(item[1], List.of(ids.get(1)));
        ok("/sandbox/transactions/create", """
                {"access_token": "%s", "transactions": [{"date_transacted": "%s", "date_posted": "%s",
                 "amount": -250.0, "description": "Refund from Amazon", "iso_currency_code": "USD"}]}"""
                .formatted(item[0], sandbox.today(), sandbox.today()));
        Reply delta = ok("/transactions/sync",
                "{\"access_token\": \"" + item[0] + "\", \"cursor\": \"" + cursor + "\"}");
        assertEquals(1, delta.json().getAsJsonArray("added").size());
        assertEquals(1, delta.json().getAsJsonArray("modified").size());
        assertEquals(1, delta.json().getAsJsonArray("removed").size());
        ok("/investments/holdings/get", token);

        Map<String, String> webhookSchemas = new LinkedHashMap<>();
        webhookSchemas.put("SYNC_UPDATES_AVAILABLE", "SyncUpdatesAvailableWebhook");
        webhookSchemas.put("NEW_ACCOUNTS_AVAILABLE", "NewAccountsAvailableWebhook");
        webhookSchemas.put("PENDING_DISCONNECT", "PendingDisconnectWebhook");
        webhookSchemas.put("USER_PERMISSION_REVOKED", "UserPermissionRevokedWebhook");
        webhookSchemas.put("USER_ACCOUNT_REVOKED", "UserAccountRevokedWebhook");
        for (Map.Entry<String, String> webhook : webhookSchemas.entrySet()) {
            ok("/sandbox/item/fire_webhook", "{\"access_token\": \"" + item[0] + "\", \"webhook_code\": \""
                    + webhook.getKey() + "\"}");
            conformsTo(webhook.getValue(), receiver.await(webhook.getKey()).body());
        }
        ok("/sandbox/item/fire_webhook", "{\"access_token\": \"" + item[0]
                + "\", \"webhook_type\": \"TRANSACTIONS\", \"webhook_code\": \"DEFAULT_UPDATE\"}");
        conformsTo("DefaultUpdateWebhook", receiver.await("DEFAULT_UPDATE").body());
        ok("/sandbox/item/fire_webhook", "{\"access_token\": \"" + item[0]
                + "\", \"webhook_type\": \"HOLDINGS\", \"webhook_code\": \"DEFAULT_UPDATE\"}");
        conformsTo("HoldingsDefaultUpdateWebhook", receiver.await("DEFAULT_UPDATE").body());

        ok("/sandbox/item/reset_login", token);
        conformsTo("ItemErrorWebhook", receiver.await("ERROR").body());
        fails("/accounts/get", token, 400, "ITEM_LOGIN_REQUIRED");
        Reply broken = ok("/item/get", token);
        assertEquals("ITEM_LOGIN_REQUIRED",
                broken.json().getAsJsonObject("item").getAsJsonObject("error").get("error_code").getAsString());
        ok("/sandbox/item/fire_webhook",
                "{\"access_token\": \"" + item[0] + "\", \"webhook_code\": \"LOGIN_REPAIRED\"}");
        conformsTo("ItemLoginRepairedWebhook", receiver.await("LOGIN_REPAIRED").body());
        ok("/accounts/get", token);

        ok("/item/webhook/update", "{\"access_token\": \"" + item[0] + "\", \"webhook\": \"" + receiver.url() + "\"}");
        conformsTo("WebhookUpdateAcknowledgedWebhook", receiver.await("WEBHOOK_UPDATE_ACKNOWLEDGED").body());
        ok("/webhook_verification_key/get", "{\"key_id\": \"" + sandbox.webhooks().keyId() + "\"}");
        ok("/item/remove", token);
        fails("/item/get", token, 400, "ITEM_NOT_FOUND");
    }

    @Test
    void failuresAnswerWithPlaidsErrorObject() throws Exception {
        String[] item = link("ins_109510");
        String token = "{\"access_token\": \"" + item[0] + "\"}";

        Reply unknownPath = post("/transactions/get_all", token);
        assertEquals(404, unknownPath.status());
        assertEquals("NOT_FOUND", unknownPath.string("error_code"));
        conformsTo("PlaidError", unknownPath.body());

        fails("/accounts/get", "{\"access_token\": ", 400, "INVALID_BODY");
        fails("/accounts/get", "[1, 2]", 400, "INVALID_BODY");
        fails("/accounts/get", post("/accounts/get", token, Map.of()), 400, "INVALID_API_KEYS");
        fails("/accounts/get", post("/accounts/get", token, Map.of("PLAID-CLIENT-ID", "id", "PLAID-SECRET", " ")),
                400, "INVALID_API_KEYS");
        Reply keysInBody = post("/accounts/get", "{\"client_id\": \"id\", \"secret\": \"s\", \"access_token\": \""
                + item[0] + "\"}", Map.of());
        assertEquals(200, keysInBody.status(), keysInBody::body);
        conforms("/accounts/get", keysInBody);
        fails("/accounts/get", "{}", 400, "MISSING_FIELDS");
        fails("/accounts/get", "{\"access_token\": \"" + item[0] + "\", \"acess_tokne\": 1}", 400, "UNKNOWN_FIELDS");
        fails("/transactions/sync", "{\"access_token\": \"" + item[0] + "\", \"count\": \"many\"}", 400,
                "INVALID_FIELD");
        fails("/transactions/sync", "{\"access_token\": \"" + item[0] + "\", \"count\": 501}", 400, "INVALID_FIELD");
        fails("/transactions/sync", "{\"access_token\": \"" + item[0] + "\", \"cursor\": \"bm90LWEtY3Vyc29y\"}", 400,
                "INVALID_FIELD");
        fails("/accounts/get", "{\"access_token\": \"access-sandbox-nope\"}", 400, "INVALID_ACCESS_TOKEN");
        fails("/item/public_token/exchange", "{\"public_token\": \"public-sandbox-nope\"}", 400,
                "INVALID_PUBLIC_TOKEN");
        fails("/sandbox/public_token/create", """
                {"institution_id": "ins_109508", "initial_products": ["transactions"],
                 "options": {"override_username": "user_good", "override_password": "wrong"}}""", 400,
                "INVALID_CREDENTIALS");
        fails("/sandbox/public_token/create",
                "{\"institution_id\": \"ins_109508\", \"initial_products\": [\"telepathy\"]}", 400,
                "INVALID_PRODUCT");
        fails("/institutions/get_by_id", "{\"institution_id\": \"ins_999999\", \"country_codes\": [\"US\"]}", 400,
                "INVALID_INSTITUTION");
        fails("/webhook_verification_key/get", "{\"key_id\": \"unknown\"}", 400, "INVALID_WEBHOOK_VERIFICATION_KEY_ID");
        fails("/sandbox/item/fire_webhook",
                "{\"access_token\": \"" + item[0] + "\", \"webhook_code\": \"PRODUCT_READY\"}", 400,
                "SANDBOX_PRODUCT_NOT_ENABLED");

        sandbox.injectFault(item[1], SandboxFault.of(SandboxFault.Kind.ITEM_LOGIN_REQUIRED));
        fails("/transactions/sync", token, 400, "ITEM_LOGIN_REQUIRED");
        sandbox.injectFault(item[1], SandboxFault.of(SandboxFault.Kind.RATE_LIMIT_EXCEEDED));
        fails("/investments/holdings/get", token, 429, "INVESTMENT_HOLDINGS_GET_LIMIT");
        sandbox.injectFault(item[1], SandboxFault.of(SandboxFault.Kind.INTERNAL_SERVER_ERROR));
        fails("/accounts/balance/get", token, 500, "INTERNAL_SERVER_ERROR");
        ok("/accounts/balance/get", token);
    }

    @Test
    void theValidatorRejectsMissingAndMistypedFields() throws Exception {
        String[] item = link("ins_109509");
        Reply accounts = ok("/accounts/get", "{\"access_token\": \"" + item[0] + "\"}");

        JsonObject missingMask = accounts.json();
        missingMask.getAsJsonArray("accounts").get(0).getAsJsonObject().remove("mask");
        assertOffSpec("/accounts/get", missingMask);

        JsonObject mistypedBalance = accounts.json();
        mistypedBalance.getAsJsonArray("accounts").get(0).getAsJsonObject().getAsJsonObject("balances")
                .addProperty("current", "lots");
        assertOffSpec("/accounts/get", mistypedBalance);

        JsonObject missingRequestId = accounts.json();
        missingRequestId.remove("request_id");
        assertOffSpec("/accounts/get", missingRequestId);

        JsonObject wrongEnum = accounts.json();
        wrongEnum.getAsJsonArray("accounts").get(0).getAsJsonObject().addProperty("type", "piggy bank");
        assertOffSpec("/accounts/get", wrongEnum);

        Reply sync = ok("/transactions/sync", "{\"access_token\": \"" + item[0] + "\", \"count\": 1}");
        JsonObject nullAmount = sync.json();
        nullAmount.getAsJsonArray("added").get(0).getAsJsonObject().add("amount", JsonNull.INSTANCE);
        assertOffSpec("/transactions/sync", nullAmount);

        Reply error = fails("/accounts/get", "{}", 400, "MISSING_FIELDS");
        JsonObject missingErrorType = error.json();
        missingErrorType.remove("error_type");
        assertTrue(schemaReport("PlaidError", missingErrorType.toString()).hasErrors());
    }

    private static void assertOffSpec(String path, JsonObject body) {
        ValidationReport report = validator.validateResponse(path, Request.Method.POST,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body.toString()).build());
        assertTrue(report.hasErrors(), () -> "the validator accepted " + abbreviate(body.toString()));
    }
}
