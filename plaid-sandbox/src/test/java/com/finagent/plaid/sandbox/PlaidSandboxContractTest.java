package com.finagent.plaid.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        ok("/investments/transactions/get", """
                {"access_token": "%s", "start_date": "2025-11-24", "end_date": "2026-11-24",
                 "options": {"count": 7, "offset": 3}}""".formatted(item[0]));

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
        String investments = "{\"access_token\": \"" + item[0] + "\", \"start_date\": \"2025-11-24\", "
                + "\"end_date\": \"2026-11-24\"";
        fails("/investments/transactions/get", token, 400, "MISSING_FIELDS");
        fails("/investments/transactions/get", investments + ", \"options\": {\"count\": 501}}", 400,
                "INVALID_FIELD");
        fails("/investments/transactions/get", investments + ", \"options\": {\"offset\": -1}}", 400,
                "INVALID_FIELD");
        fails("/investments/transactions/get", "{\"access_token\": \"" + item[0] + "\", "
                + "\"start_date\": \"2026-11-24\", \"end_date\": \"2026-01-01\"}", 400, "INVALID_FIELD");
        fails("/investments/transactions/get", investments + ", \"options\": {\"account_ids\": [\"nope\"]}}",
                400, "INVALID_ACCOUNT_ID");
        sandbox.injectFault(item[1], SandboxFault.of(SandboxFault.Kind.RATE_LIMIT_EXCEEDED));
        fails("/investments/transactions/get", investments + "}", 429, "INVESTMENT_TRANSACTIONS_LIMIT");
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

        Reply investments = ok("/investments/transactions/get", "{\"access_token\": \"" + item[0]
                + "\", \"start_date\": \"2025-11-24\", \"end_date\": \"2026-11-24\"}");
        JsonObject unknownType = investments.json();
        unknownType.getAsJsonArray("investment_transactions").get(0).getAsJsonObject().addProperty("type", "gift");
        assertOffSpec("/investments/transactions/get", unknownType);
        JsonObject missingTotal = investments.json();
        missingTotal.remove("total_investment_transactions");
        assertOffSpec("/investments/transactions/get", missingTotal);

        Reply error = fails("/accounts/get", "{}", 400, "MISSING_FIELDS");
        JsonObject missingErrorType = error.json();
        missingErrorType.remove("error_type");
        assertTrue(schemaReport("PlaidError", missingErrorType.toString()).hasErrors());
    }

    /**
     * The investment transactions page by count and offset through one fixed, newest-first order, and they add up
     * to the holdings: per account and security the shares bought less the shares sold are the quantity held, and
     * the cash moved (Plaid's amount is positive for money leaving the account) ends at the account's cash holding.
     */
    @Test
    void investmentTransactionsPageThroughAStableOrderAndAddUpToTheHoldings() throws Exception {
        String[] item = link("ins_109511");
        String range = "\"access_token\": \"" + item[0] + "\", \"start_date\": \"2024-11-24\", "
                + "\"end_date\": \"2026-11-24\"";
        JsonObject all = ok("/investments/transactions/get", "{" + range + ", \"options\": {\"count\": 500}}")
                .json();
        int total = all.get("total_investment_transactions").getAsInt();
        JsonArray everything = all.getAsJsonArray("investment_transactions");
        assertEquals(total, everything.size());
        assertTrue(total >= 15, "a year of buys, a sell, dividends, a fee and cash movements: " + total);

        List<JsonObject> paged = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 4) {
            JsonObject page = ok("/investments/transactions/get",
                    "{" + range + ", \"options\": {\"count\": 4, \"offset\": " + offset + "}}").json();
            assertEquals(total, page.get("total_investment_transactions").getAsInt());
            page.getAsJsonArray("investment_transactions").forEach(t -> paged.add(t.getAsJsonObject()));
        }
        assertEquals(everything.asList().stream().map(JsonElement::getAsJsonObject).toList(), paged,
                "pages concatenate to the whole list, in the same order");
        for (int i = 1; i < paged.size(); i++) {
            assertTrue(paged.get(i - 1).get("date").getAsString().compareTo(paged.get(i).get("date").getAsString())
                    >= 0, "newest first");
        }
        assertEquals(0, ok("/investments/transactions/get", "{" + range + ", \"options\": {\"offset\": "
                + total + "}}").json().getAsJsonArray("investment_transactions").size());
        Set<String> types = paged.stream().map(t -> t.get("type").getAsString() + "/" + t.get("subtype").getAsString())
                .collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("buy/buy", "sell/sell", "cash/dividend", "fee/account fee",
                "cash/deposit", "cash/withdrawal")), types.toString());

        JsonObject holdings = ok("/investments/holdings/get", "{\"access_token\": \"" + item[0] + "\"}").json();
        Map<String, String> tickers = new HashMap<>();
        holdings.getAsJsonArray("securities").forEach(s -> tickers.put(s.getAsJsonObject().get("security_id")
                .getAsString(), s.getAsJsonObject().get("ticker_symbol").getAsString()));
        Map<String, Double> held = new TreeMap<>();
        holdings.getAsJsonArray("holdings").forEach(h -> {
            JsonObject holding = h.getAsJsonObject();
            held.put(holding.get("account_id").getAsString() + "/"
                    + tickers.get(holding.get("security_id").getAsString()), holding.get("quantity").getAsDouble());
        });
        Map<String, Double> traded = new TreeMap<>();
        for (JsonObject t : paged) {
            String account = t.get("account_id").getAsString();
            double amount = t.get("amount").getAsDouble();
            traded.merge(account + "/USD", -amount, Double::sum);
            if (!t.get("security_id").isJsonNull() && !t.get("type").getAsString().equals("cash")) {
                traded.merge(account + "/" + tickers.get(t.get("security_id").getAsString()),
                        t.get("quantity").getAsDouble(), Double::sum);
                double price = t.get("price").getAsDouble();
                double fees = t.get("fees").getAsDouble();
                double quantity = t.get("quantity").getAsDouble();
                assertEquals(quantity * price + fees, amount, 0.006,
                        "a trade's amount is its shares at its price plus fees (money out is positive): " + t);
            }
        }
        held.forEach((key, quantity) -> assertEquals(quantity, traded.getOrDefault(key, 0.0), 1e-6, key));
        traded.forEach((key, quantity) -> assertEquals(held.getOrDefault(key, 0.0), quantity, 1e-6, key));

        String brokerage = holdings.getAsJsonArray("accounts").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(a -> a.get("subtype").getAsString().equals("brokerage")).findFirst().orElseThrow()
                .get("account_id").getAsString();
        JsonObject onlyBrokerage = ok("/investments/transactions/get", "{" + range
                + ", \"options\": {\"account_ids\": [\"" + brokerage + "\"], \"count\": 500}}").json();
        assertEquals(1, onlyBrokerage.getAsJsonArray("accounts").size());
        assertTrue(onlyBrokerage.getAsJsonArray("investment_transactions").asList().stream()
                .allMatch(t -> t.getAsJsonObject().get("account_id").getAsString().equals(brokerage)));
        assertTrue(onlyBrokerage.get("total_investment_transactions").getAsInt() < total);

        JsonObject lastMonth = ok("/investments/transactions/get", "{\"access_token\": \"" + item[0]
                + "\", \"start_date\": \"2026-10-25\", \"end_date\": \"2026-11-24\"}").json();
        assertTrue(lastMonth.get("total_investment_transactions").getAsInt() < total);
        lastMonth.getAsJsonArray("investment_transactions").forEach(t ->
                assertTrue(t.getAsJsonObject().get("date").getAsString().compareTo("2026-10-25") >= 0));
    }

    private static void assertOffSpec(String path, JsonObject body) {
        ValidationReport report = validator.validateResponse(path, Request.Method.POST,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body.toString()).build());
        assertTrue(report.hasErrors(), () -> "the validator accepted " + abbreviate(body.toString()));
    }
}
