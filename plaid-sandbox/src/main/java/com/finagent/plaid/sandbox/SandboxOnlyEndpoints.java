package com.finagent.plaid.sandbox;

import com.google.gson.JsonObject;
import com.plaid.client.model.CustomSandboxTransaction;
import com.plaid.client.model.DefaultUpdateWebhook;
import com.plaid.client.model.HoldingsDefaultUpdateWebhook;
import com.plaid.client.model.ItemLoginRepairedWebhook;
import com.plaid.client.model.NewAccountsAvailableWebhook;
import com.plaid.client.model.PendingDisconnectWebhook;
import com.plaid.client.model.PendingDisconnectWebhookReason;
import com.plaid.client.model.PlaidErrorType;
import com.plaid.client.model.SandboxItemFireWebhookRequest;
import com.plaid.client.model.SandboxItemFireWebhookResponse;
import com.plaid.client.model.SandboxItemResetLoginRequest;
import com.plaid.client.model.SandboxItemResetLoginResponse;
import com.plaid.client.model.SandboxPublicTokenCreateRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptionsTransactions;
import com.plaid.client.model.SandboxPublicTokenCreateResponse;
import com.plaid.client.model.SandboxTransactionsCreateRequest;
import com.plaid.client.model.SandboxTransactionsCreateResponse;
import com.plaid.client.model.UserAccountRevokedWebhook;
import com.plaid.client.model.UserPermissionRevokedWebhook;
import com.plaid.client.model.WebhookEnvironmentValues;
import com.plaid.client.model.WebhookType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plaid's {@code /sandbox/} endpoints, which exist only in Plaid's Sandbox: a client acts out what in production a
 * user (logging in through Link), a bank (posting transactions) or Plaid (asking for a new login, sending a webhook)
 * would do.
 */
final class SandboxOnlyEndpoints {

    private static final Pattern BENCHMARK_USER = Pattern.compile("user_transactions_(\\d{1,6})");

    private final PlaidSandbox sandbox;

    SandboxOnlyEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object sandboxPublicTokenCreate(SandboxCall<SandboxPublicTokenCreateRequest> call) {
        SandboxPublicTokenCreateRequest request = call.request();
        SandboxData.institution(request.getInstitutionId()).orElseThrow(() ->
                PlaidApiError.invalidInput("INVALID_INSTITUTION", "invalid institution_id provided"));
        List<String> products = ItemEndpoints.productNames(request.getInitialProducts());
        if (products.isEmpty()) {
            throw PlaidApiError.invalidField("initial_products must contain at least one product");
        }
        SandboxPublicTokenCreateRequestOptions options = request.getOptions() == null
                ? new SandboxPublicTokenCreateRequestOptions() : request.getOptions();
        String username = options.getOverrideUsername() == null ? "user_good" : options.getOverrideUsername();
        String password = options.getOverridePassword() == null ? "pass_good" : options.getOverridePassword();
        if (username.isBlank() || !password.equals("pass_good")) {
            throw PlaidApiError.invalidCredentials();
        }
        int count = -1;
        Matcher benchmark = BENCHMARK_USER.matcher(username);
        if (benchmark.matches()) {
            count = Integer.parseInt(benchmark.group(1));
            if (count < 1 || count > PlaidSandbox.MAX_TRANSACTIONS) {
                throw PlaidApiError.invalidField(
                        "user_transactions_<N> takes 1 <= N <= " + PlaidSandbox.MAX_TRANSACTIONS);
            }
        }
        LocalDate today = sandbox.today();
        LocalDate end = today;
        LocalDate start = today.minusDays(PlaidSandbox.DEFAULT_HISTORY_DAYS);
        SandboxPublicTokenCreateRequestOptionsTransactions window = options.getTransactions();
        if (window != null) {
            if (window.getDaysRequested() != null) {
                if (window.getDaysRequested() < 1 || window.getDaysRequested() > 730) {
                    throw PlaidApiError.invalidField("options.transactions.days_requested must be between 1 and 730");
                }
                start = today.minusDays(window.getDaysRequested() - 1L);
            }
            if (window.getStartDate() != null) {
                start = window.getStartDate();
            }
            if (window.getEndDate() != null) {
                end = window.getEndDate();
            }
            if (start.isAfter(end) || end.isAfter(today) || start.isBefore(today.minusYears(2))) {
                throw PlaidApiError.invalidField("options.transactions must give start_date <= end_date <= today, "
                        + "at most two years back");
            }
        }
        SandboxItem item = sandbox.items().create(request.getInstitutionId(), username, products, options.getWebhook(),
                start, end, count);
        return new SandboxPublicTokenCreateResponse()
                .publicToken(sandbox.issuePublicToken(item))
                .requestId(call.requestId());
    }

    Object sandboxTransactionsCreate(SandboxCall<SandboxTransactionsCreateRequest> call) {
        SandboxItem item = call.item();
        List<CustomSandboxTransaction> custom = call.request().getTransactions();
        if (custom.isEmpty()) {
            throw PlaidApiError.invalidField("transactions must contain at least one transaction");
        }
        LocalDate today = sandbox.today();
        for (CustomSandboxTransaction transaction : custom) {
            for (LocalDate date : List.of(transaction.getDateTransacted(), transaction.getDatePosted())) {
                if (date == null || date.isAfter(today) || date.isBefore(today.minusDays(14))) {
                    throw PlaidApiError.invalidField("transaction dates must be today or up to 14 days in the past; "
                            + "future dates are not allowed");
                }
            }
            if (transaction.getIsoCurrencyCode() != null && !transaction.getIsoCurrencyCode().equals("USD")) {
                throw PlaidApiError.invalidField("iso_currency_code must be USD for this institution");
            }
            if (transaction.getAmount() == null || transaction.getDescription() == null
                    || transaction.getDescription().isBlank()) {
                throw PlaidApiError.invalidRequest("MISSING_FIELDS",
                        "the following required fields are missing: amount, description");
            }
        }
        String checking = item.portfolio.account(SandboxData.AccountKind.CHECKING).accountId();
        sandbox.addNew(item, random -> custom.stream().map(transaction -> new SandboxTransaction(
                Ids.base62(random, 37), checking, Math.round(transaction.getAmount() * 100),
                transaction.getDatePosted(), transaction.getDateTransacted(), transaction.getDescription(),
                SandboxData.recognise(transaction.getDescription()).key())).toList());
        return new SandboxTransactionsCreateResponse().requestId(call.requestId());
    }

    Object sandboxItemResetLogin(SandboxCall<SandboxItemResetLoginRequest> call) {
        SandboxItem item = call.item();
        sandbox.items().changeLogin(item, true);
        sandbox.fireLoginRequired(item);
        return new SandboxItemResetLoginResponse().resetLogin(true).requestId(call.requestId());
    }

    Object sandboxItemFireWebhook(SandboxCall<SandboxItemFireWebhookRequest> call) {
        SandboxItem item = call.item();
        String url = item.webhook();
        if (url == null || url.isBlank()) {
            throw new PlaidApiError(400, PlaidErrorType.SANDBOX_ERROR, "SANDBOX_WEBHOOK_INVALID",
                    "the webhook for the Item is not set; set it with /item/webhook/update", null);
        }
        SandboxItemFireWebhookRequest.WebhookCodeEnum code = call.request().getWebhookCode();
        WebhookType type = call.request().getWebhookType() == null ? WebhookType.TRANSACTIONS
                : call.request().getWebhookType();
        JsonObject body = switch (code) {
            case SYNC_UPDATES_AVAILABLE -> {
                requireProduct(item, "transactions", type == WebhookType.TRANSACTIONS);
                sandbox.fireSyncUpdates(item);
                yield null;
            }
            case DEFAULT_UPDATE -> defaultUpdate(item, type);
            case NEW_ACCOUNTS_AVAILABLE -> PlaidJson.tree(new NewAccountsAvailableWebhook()
                    .webhookType("ITEM").webhookCode(code.getValue()).itemId(item.itemId()).error(null)
                    .environment(WebhookEnvironmentValues.SANDBOX));
            case LOGIN_REPAIRED -> {
                sandbox.items().changeLogin(item, false);
                yield PlaidJson.tree(new ItemLoginRepairedWebhook()
                        .webhookType("ITEM").webhookCode(code.getValue()).itemId(item.itemId())
                        .environment(WebhookEnvironmentValues.SANDBOX));
            }
            case PENDING_DISCONNECT -> {
                JsonObject pending = PlaidJson.tree(new PendingDisconnectWebhook()
                        .webhookType("ITEM").webhookCode(code.getValue()).itemId(item.itemId())
                        .reason(PendingDisconnectWebhookReason.MIGRATION)
                        .environment(WebhookEnvironmentValues.SANDBOX));
                // Required by the current spec but newer than SDK 39.2.0's model. Instant.toString always
                // writes the seconds, which the spec's date-time format demands (OffsetDateTime drops ":00").
                pending.addProperty("disconnect_time",
                        sandbox.now().plusDays(7).toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
                yield pending;
            }
            case USER_PERMISSION_REVOKED -> PlaidJson.tree(new UserPermissionRevokedWebhook()
                    .webhookType("ITEM").webhookCode(code.getValue()).itemId(item.itemId())
                    .environment(WebhookEnvironmentValues.SANDBOX));
            case USER_ACCOUNT_REVOKED -> PlaidJson.tree(new UserAccountRevokedWebhook()
                    .webhookType("ITEM").webhookCode(code.getValue()).itemId(item.itemId())
                    .accountId(item.portfolio.account(SandboxData.AccountKind.CHECKING).accountId())
                    .environment(WebhookEnvironmentValues.SANDBOX));
            default -> throw productNotEnabled();
        };
        if (body != null) {
            sandbox.sendWebhook(item, url, code.getValue(), body);
        }
        return new SandboxItemFireWebhookResponse().webhookFired(true).requestId(call.requestId());
    }

    private JsonObject defaultUpdate(SandboxItem item, WebhookType type) {
        if (type == WebhookType.TRANSACTIONS) {
            requireProduct(item, "transactions", true);
            return PlaidJson.tree(new DefaultUpdateWebhook()
                    .webhookType("TRANSACTIONS").webhookCode("DEFAULT_UPDATE").itemId(item.itemId())
                    .newTransactions(0.0).environment(WebhookEnvironmentValues.SANDBOX));
        }
        if (type == WebhookType.HOLDINGS) {
            requireProduct(item, "investments", true);
            return PlaidJson.tree(new HoldingsDefaultUpdateWebhook()
                    .webhookType("HOLDINGS").webhookCode("DEFAULT_UPDATE").itemId(item.itemId())
                    .newHoldings(0.0).updatedHoldings(0.0).environment(WebhookEnvironmentValues.SANDBOX));
        }
        throw productNotEnabled();
    }

    private static void requireProduct(SandboxItem item, String product, boolean typeMatches) {
        if (!typeMatches || !item.billedProducts().contains(product)) {
            throw productNotEnabled();
        }
    }

    private static PlaidApiError productNotEnabled() {
        return new PlaidApiError(400, PlaidErrorType.SANDBOX_ERROR, "SANDBOX_PRODUCT_NOT_ENABLED",
                "the Item does not have the product this webhook is about enabled", null);
    }
}
