package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.plaid.client.model.AccountsBalanceGetRequest;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.InstitutionsGetByIdRequest;
import com.plaid.client.model.InvestmentsHoldingsGetRequest;
import com.plaid.client.model.InvestmentsTransactionsGetRequest;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemPublicTokenExchangeRequest;
import com.plaid.client.model.ItemRemoveRequest;
import com.plaid.client.model.ItemWebhookUpdateRequest;
import com.plaid.client.model.LinkTokenCreateRequest;
import com.plaid.client.model.SandboxItemFireWebhookRequest;
import com.plaid.client.model.SandboxItemResetLoginRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequest;
import com.plaid.client.model.SandboxTransactionsCreateRequest;
import com.plaid.client.model.TransactionsSyncRequest;
import com.plaid.client.model.WebhookVerificationKeyGetRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plaid's route table: which endpoint serves each path. Every request goes through the same checks Plaid makes,
 * in the same order: known path, then what {@link PlaidRequests} reads (JSON body, API keys, API version, field
 * types, unknown and missing fields), access token, then injected faults and the item's login state, before its
 * endpoint sees it. Failures become Plaid's error object.
 */
final class SandboxEndpoints implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SandboxEndpoints.class.getName());

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(SandboxCall<T> call);
    }

    /** {@code itemBound}: needs a valid access_token; {@code itemData}: fails while the item needs a login. */
    private record Endpoint<T>(Class<T> type, boolean itemBound, boolean itemData, Handler<T> handler) {
    }

    private final PlaidSandbox sandbox;
    private final Map<String, Endpoint<?>> endpoints = new HashMap<>();

    SandboxEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
        ItemEndpoints item = new ItemEndpoints(sandbox);
        InstitutionEndpoints institution = new InstitutionEndpoints(sandbox);
        AccountEndpoints account = new AccountEndpoints(sandbox);
        TransactionEndpoints transaction = new TransactionEndpoints(sandbox);
        InvestmentEndpoints investment = new InvestmentEndpoints(sandbox);
        SandboxOnlyEndpoints sandboxOnly = new SandboxOnlyEndpoints(sandbox);
        WebhookEndpoints webhook = new WebhookEndpoints(sandbox);
        endpoints.put("/link/token/create",
                new Endpoint<>(LinkTokenCreateRequest.class, false, false, item::linkTokenCreate));
        endpoints.put("/sandbox/public_token/create", new Endpoint<>(SandboxPublicTokenCreateRequest.class, false,
                false, sandboxOnly::sandboxPublicTokenCreate));
        endpoints.put("/item/public_token/exchange",
                new Endpoint<>(ItemPublicTokenExchangeRequest.class, false, false, item::publicTokenExchange));
        endpoints.put("/item/get", new Endpoint<>(ItemGetRequest.class, true, false, item::itemGet));
        endpoints.put("/item/remove", new Endpoint<>(ItemRemoveRequest.class, true, false, item::itemRemove));
        endpoints.put("/item/webhook/update",
                new Endpoint<>(ItemWebhookUpdateRequest.class, true, false, item::itemWebhookUpdate));
        endpoints.put("/institutions/get_by_id",
                new Endpoint<>(InstitutionsGetByIdRequest.class, false, false, institution::institutionsGetById));
        endpoints.put("/accounts/get", new Endpoint<>(AccountsGetRequest.class, true, true, account::accountsGet));
        endpoints.put("/accounts/balance/get",
                new Endpoint<>(AccountsBalanceGetRequest.class, true, true, account::accountsBalanceGet));
        endpoints.put("/transactions/sync",
                new Endpoint<>(TransactionsSyncRequest.class, true, true, transaction::transactionsSync));
        endpoints.put("/sandbox/transactions/create", new Endpoint<>(SandboxTransactionsCreateRequest.class, true,
                false, sandboxOnly::sandboxTransactionsCreate));
        endpoints.put("/investments/holdings/get",
                new Endpoint<>(InvestmentsHoldingsGetRequest.class, true, true, investment::investmentsHoldingsGet));
        endpoints.put("/investments/transactions/get", new Endpoint<>(InvestmentsTransactionsGetRequest.class, true,
                true, investment::investmentsTransactionsGet));
        endpoints.put("/sandbox/item/reset_login",
                new Endpoint<>(SandboxItemResetLoginRequest.class, true, false, sandboxOnly::sandboxItemResetLogin));
        endpoints.put("/sandbox/item/fire_webhook", new Endpoint<>(SandboxItemFireWebhookRequest.class, true, false,
                sandboxOnly::sandboxItemFireWebhook));
        endpoints.put("/webhook_verification_key/get", new Endpoint<>(WebhookVerificationKeyGetRequest.class, false,
                false, webhook::webhookVerificationKeyGet));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String requestId = Ids.requestId();
        sandbox.countRequest(path);
        int status;
        Object body;
        try {
            body = dispatch(exchange, path, requestId);
            status = 200;
        } catch (PlaidApiError error) {
            status = error.status;
            body = error.toModel(requestId);
        } catch (RuntimeException | IOException unexpected) {
            LOG.log(Level.WARNING, "Plaid sandbox failed on " + path, unexpected);
            PlaidApiError error = PlaidApiError.internalServerError();
            status = error.status;
            body = error.toModel(requestId);
        }
        byte[] bytes = PlaidJson.text(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Object dispatch(HttpExchange exchange, String path, String requestId) throws IOException {
        Endpoint<?> endpoint = endpoints.get(path);
        if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
            throw PlaidApiError.notFound();
        }
        JsonObject json = PlaidRequests.body(exchange);
        PlaidRequests.checkApiKeys(exchange, json, sandbox.options());
        PlaidRequests.checkVersion(exchange);
        return invoke(endpoint, path, json, requestId);
    }

    private <T> Object invoke(Endpoint<T> endpoint, String path, JsonObject json, String requestId) {
        T request = PlaidRequests.parse(json, endpoint.type());
        SandboxItem item = null;
        if (endpoint.itemBound()) {
            item = sandbox.items().byAccessToken(json.get("access_token").getAsString());
            if (item == null) {
                throw PlaidApiError.invalidAccessToken();
            }
            if (item.removed()) {
                throw PlaidApiError.itemNotFound();
            }
        }
        PlaidApiError fault = sandbox.faults().take(item == null ? null : item.itemId(), path);
        if (fault != null) {
            throw fault;
        }
        if (endpoint.itemData() && item.loginRequired()) {
            throw PlaidApiError.itemLoginRequired();
        }
        return endpoint.handler().handle(new SandboxCall<>(request, item, requestId));
    }
}
