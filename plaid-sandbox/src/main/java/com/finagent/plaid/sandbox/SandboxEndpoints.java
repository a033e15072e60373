package com.finagent.plaid.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountsBalanceGetRequest;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.AccountsGetResponse;
import com.plaid.client.model.CountryCode;
import com.plaid.client.model.CustomSandboxTransaction;
import com.plaid.client.model.DefaultUpdateWebhook;
import com.plaid.client.model.HoldingsDefaultUpdateWebhook;
import com.plaid.client.model.InstitutionsGetByIdRequest;
import com.plaid.client.model.InstitutionsGetByIdResponse;
import com.plaid.client.model.InvestmentsHoldingsGetRequest;
import com.plaid.client.model.InvestmentsHoldingsGetResponse;
import com.plaid.client.model.InvestmentsTransactionsGetRequest;
import com.plaid.client.model.InvestmentsTransactionsGetRequestOptions;
import com.plaid.client.model.InvestmentsTransactionsGetResponse;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemGetResponse;
import com.plaid.client.model.ItemLoginRepairedWebhook;
import com.plaid.client.model.ItemPublicTokenExchangeRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.ItemRemoveRequest;
import com.plaid.client.model.ItemRemoveResponse;
import com.plaid.client.model.ItemStatusInvestments;
import com.plaid.client.model.ItemStatusLastWebhook;
import com.plaid.client.model.ItemStatusNullable;
import com.plaid.client.model.ItemStatusTransactions;
import com.plaid.client.model.ItemWebhookUpdateRequest;
import com.plaid.client.model.ItemWebhookUpdateResponse;
import com.plaid.client.model.LinkTokenCreateRequest;
import com.plaid.client.model.LinkTokenCreateResponse;
import com.plaid.client.model.NewAccountsAvailableWebhook;
import com.plaid.client.model.PendingDisconnectWebhook;
import com.plaid.client.model.PendingDisconnectWebhookReason;
import com.plaid.client.model.PlaidErrorType;
import com.plaid.client.model.Products;
import com.plaid.client.model.RemovedTransaction;
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
import com.plaid.client.model.TransactionsSyncRequest;
import com.plaid.client.model.TransactionsSyncRequestOptions;
import com.plaid.client.model.TransactionsSyncResponse;
import com.plaid.client.model.TransactionsUpdateStatus;
import com.plaid.client.model.UserAccountRevokedWebhook;
import com.plaid.client.model.UserPermissionRevokedWebhook;
import com.plaid.client.model.WebhookEnvironmentValues;
import com.plaid.client.model.WebhookType;
import com.plaid.client.model.WebhookUpdateAcknowledgedWebhook;
import com.plaid.client.model.WebhookVerificationKeyGetRequest;
import com.plaid.client.model.WebhookVerificationKeyGetResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plaid's endpoints. Every request goes through the same checks Plaid makes, in the same order: known path,
 * then what {@link PlaidRequests} reads (JSON body, API keys, API version, field types, unknown and missing fields),
 * access token, then injected faults and the item's login state. Failures become Plaid's error object.
 */
final class SandboxEndpoints implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SandboxEndpoints.class.getName());
    private static final Pattern BENCHMARK_USER = Pattern.compile("user_transactions_(\\d{1,6})");

    /** What a handler gets: the parsed request, the item its access token names (if any) and the request id. */
    private record Call<T>(T request, SandboxItem item, String requestId) {
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(Call<T> call);
    }

    /** {@code itemBound}: needs a valid access_token; {@code itemData}: fails while the item needs a login. */
    private record Endpoint<T>(Class<T> type, boolean itemBound, boolean itemData, Handler<T> handler) {
    }

    private final PlaidSandbox sandbox;
    private final Map<String, Endpoint<?>> endpoints = new HashMap<>();

    SandboxEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
        endpoints.put("/link/token/create",
                new Endpoint<>(LinkTokenCreateRequest.class, false, false, this::linkTokenCreate));
        endpoints.put("/sandbox/public_token/create",
                new Endpoint<>(SandboxPublicTokenCreateRequest.class, false, false, this::sandboxPublicTokenCreate));
        endpoints.put("/item/public_token/exchange",
                new Endpoint<>(ItemPublicTokenExchangeRequest.class, false, false, this::publicTokenExchange));
        endpoints.put("/item/get", new Endpoint<>(ItemGetRequest.class, true, false, this::itemGet));
        endpoints.put("/item/remove", new Endpoint<>(ItemRemoveRequest.class, true, false, this::itemRemove));
        endpoints.put("/item/webhook/update",
                new Endpoint<>(ItemWebhookUpdateRequest.class, true, false, this::itemWebhookUpdate));
        endpoints.put("/institutions/get_by_id",
                new Endpoint<>(InstitutionsGetByIdRequest.class, false, false, this::institutionsGetById));
        endpoints.put("/accounts/get", new Endpoint<>(AccountsGetRequest.class, true, true, this::accountsGet));
        endpoints.put("/accounts/balance/get",
                new Endpoint<>(AccountsBalanceGetRequest.class, true, true, this::accountsBalanceGet));
        endpoints.put("/transactions/sync",
                new Endpoint<>(TransactionsSyncRequest.class, true, true, this::transactionsSync));
        endpoints.put("/sandbox/transactions/create",
                new Endpoint<>(SandboxTransactionsCreateRequest.class, true, false, this::sandboxTransactionsCreate));
        endpoints.put("/investments/holdings/get",
                new Endpoint<>(InvestmentsHoldingsGetRequest.class, true, true, this::investmentsHoldingsGet));
        endpoints.put("/investments/transactions/get", new Endpoint<>(InvestmentsTransactionsGetRequest.class, true,
                true, this::investmentsTransactionsGet));
        endpoints.put("/sandbox/item/reset_login",
                new Endpoint<>(SandboxItemResetLoginRequest.class, true, false, this::sandboxItemResetLogin));
        endpoints.put("/sandbox/item/fire_webhook",
                new Endpoint<>(SandboxItemFireWebhookRequest.class, true, false, this::sandboxItemFireWebhook));
        endpoints.put("/webhook_verification_key/get",
                new Endpoint<>(WebhookVerificationKeyGetRequest.class, false, false, this::webhookVerificationKeyGet));
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

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
        return endpoint.handler().handle(new Call<>(request, item, requestId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(sandbox.clock().instant(), ZoneOffset.UTC);
    }

    private static SandboxData.Institution institutionOf(SandboxItem item) {
        return SandboxData.institution(item.spec.institutionId()).orElseThrow();
    }

    // ---- link and items ---------------------------------------------------------------------------------------

    private Object linkTokenCreate(Call<LinkTokenCreateRequest> call) {
        LinkTokenCreateRequest request = call.request();
        List<String> products = productNames(request.getProducts());
        String accessToken = request.getAccessToken();
        if (accessToken != null) {
            SandboxItem item = sandbox.items().byAccessToken(accessToken);
            if (item == null) {
                throw PlaidApiError.invalidAccessToken();
            }
            if (item.removed()) {
                throw PlaidApiError.itemNotFound();
            }
        } else if (products.isEmpty()) {
            throw PlaidApiError.invalidField("products must contain at least one product");
        }
        Instant expiration = sandbox.clock().instant().plusSeconds(4 * 3600);
        String token = sandbox.issueLinkToken(
                new PlaidSandbox.LinkToken(request.getWebhook(), products, accessToken, expiration));
        return new LinkTokenCreateResponse()
                .linkToken(token)
                .expiration(OffsetDateTime.ofInstant(expiration, ZoneOffset.UTC))
                .requestId(call.requestId());
    }

    private static List<String> productNames(List<Products> products) {
        List<String> names = new ArrayList<>();
        if (products != null) {
            for (Products product : products) {
                if (product == null || product == Products.ENUM_UNKNOWN
                        || !SandboxData.PRODUCTS.contains(product.getValue())) {
                    throw PlaidApiError.invalidInput("INVALID_PRODUCT",
                            "the institution does not support a product in the request or the product is unknown");
                }
                if (!names.contains(product.getValue())) {
                    names.add(product.getValue());
                }
            }
        }
        return names;
    }

    private Object sandboxPublicTokenCreate(Call<SandboxPublicTokenCreateRequest> call) {
        SandboxPublicTokenCreateRequest request = call.request();
        SandboxData.institution(request.getInstitutionId()).orElseThrow(() ->
                PlaidApiError.invalidInput("INVALID_INSTITUTION", "invalid institution_id provided"));
        List<String> products = productNames(request.getInitialProducts());
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

    private Object publicTokenExchange(Call<ItemPublicTokenExchangeRequest> call) {
        SandboxItem item = sandbox.exchange(call.request().getPublicToken());
        if (item == null) {
            throw PlaidApiError.invalidInput("INVALID_PUBLIC_TOKEN",
                    "provided public token is expired, already exchanged or does not exist");
        }
        if (item.billedProducts().contains("transactions")) {
            // Plaid reports the finished initial and historical pull shortly after the item is linked.
            sandbox.fireSyncUpdates(item);
        }
        return new ItemPublicTokenExchangeResponse()
                .accessToken(item.spec.accessToken())
                .itemId(item.itemId())
                .requestId(call.requestId());
    }

    private Object itemGet(Call<ItemGetRequest> call) {
        SandboxItem item = call.item();
        OffsetDateTime lastUpdate = OffsetDateTime.ofInstant(item.lastTransactionsUpdate(), ZoneOffset.UTC);
        ItemStatusNullable status = new ItemStatusNullable()
                .transactions(new ItemStatusTransactions().lastSuccessfulUpdate(lastUpdate).lastFailedUpdate(null))
                .investments(new ItemStatusInvestments()
                        .lastSuccessfulUpdate(OffsetDateTime.ofInstant(item.spec.createdAt(), ZoneOffset.UTC))
                        .lastFailedUpdate(null));
        if (item.lastWebhookSentAt() != null) {
            status.lastWebhook(new ItemStatusLastWebhook()
                    .sentAt(OffsetDateTime.ofInstant(item.lastWebhookSentAt(), ZoneOffset.UTC))
                    .codeSent(item.lastWebhookCode()));
        }
        return new ItemGetResponse()
                .item(PlaidModels.itemWithConsent(item, institutionOf(item), call.requestId()))
                .status(status)
                .requestId(call.requestId());
    }

    private Object itemRemove(Call<ItemRemoveRequest> call) {
        sandbox.items().remove(call.item());
        return new ItemRemoveResponse().requestId(call.requestId());
    }

    private Object itemWebhookUpdate(Call<ItemWebhookUpdateRequest> call) {
        SandboxItem item = call.item();
        String url = call.request().getWebhook();
        sandbox.items().changeWebhook(item, url);
        JsonObject acknowledged = PlaidJson.tree(new WebhookUpdateAcknowledgedWebhook()
                .webhookType("ITEM")
                .webhookCode("WEBHOOK_UPDATE_ACKNOWLEDGED")
                .itemId(item.itemId())
                .newWebhookUrl(url)
                .environment(WebhookEnvironmentValues.SANDBOX));
        sandbox.sendWebhook(item, url, "WEBHOOK_UPDATE_ACKNOWLEDGED", acknowledged);
        return new ItemWebhookUpdateResponse()
                .item(PlaidModels.item(item, institutionOf(item), call.requestId()))
                .requestId(call.requestId());
    }

    private Object institutionsGetById(Call<InstitutionsGetByIdRequest> call) {
        InstitutionsGetByIdRequest request = call.request();
        SandboxData.Institution institution = SandboxData.institution(request.getInstitutionId())
                .filter(found -> request.getCountryCodes().contains(CountryCode.US))
                .orElseThrow(() -> PlaidApiError.invalidInput("INVALID_INSTITUTION", "invalid institution_id provided"));
        boolean metadata = request.getOptions() != null
                && Boolean.TRUE.equals(request.getOptions().getIncludeOptionalMetadata());
        boolean status = request.getOptions() != null && Boolean.TRUE.equals(request.getOptions().getIncludeStatus());
        return new InstitutionsGetByIdResponse()
                .institution(PlaidModels.institution(institution, metadata, status, now()))
                .requestId(call.requestId());
    }

    // ---- accounts, transactions, investments ------------------------------------------------------------------

    private Object accountsGet(Call<AccountsGetRequest> call) {
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        return accounts(call.item(), ids, null, call.requestId());
    }

    private Object accountsBalanceGet(Call<AccountsBalanceGetRequest> call) {
        sandbox.items().billed(call.item(), "balance");
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        return accounts(call.item(), ids, now(), call.requestId());
    }

    private AccountsGetResponse accounts(SandboxItem item, List<String> accountIds, OffsetDateTime balanceTime,
                                         String requestId) {
        List<SandboxData.Account> selected = select(item, accountIds);
        List<AccountBase> accounts = selected.stream()
                .map(account -> PlaidModels.account(account, balanceTime)).toList();
        return new AccountsGetResponse()
                .accounts(accounts)
                .item(PlaidModels.item(item, institutionOf(item), requestId))
                .requestId(requestId);
    }

    private static List<SandboxData.Account> select(SandboxItem item, List<String> accountIds) {
        List<SandboxData.Account> all = item.portfolio.accounts();
        if (accountIds == null || accountIds.isEmpty()) {
            return all;
        }
        for (String id : accountIds) {
            if (all.stream().noneMatch(account -> account.accountId().equals(id))) {
                throw PlaidApiError.invalidInput("INVALID_ACCOUNT_ID",
                        "one or more of the account IDs is invalid or does not exist");
            }
        }
        return all.stream().filter(account -> accountIds.contains(account.accountId())).toList();
    }

    private Object transactionsSync(Call<TransactionsSyncRequest> call) {
        TransactionsSyncRequest request = call.request();
        SandboxItem item = call.item();
        int count = request.getCount() == null ? 100 : request.getCount();
        if (count < 1 || count > 500) {
            throw PlaidApiError.invalidField("count must be between 1 and 500");
        }
        TransactionsSyncRequestOptions options = request.getOptions();
        String accountId = options == null ? null : options.getAccountId();
        if (accountId != null) {
            select(item, List.of(accountId));
        }
        boolean original = options != null && Boolean.TRUE.equals(options.getIncludeOriginalDescription());
        sandbox.items().billed(item, "transactions");
        SandboxItem.SyncPage page = item.sync(request.getCursor(), count, accountId);
        List<AccountBase> accounts = item.portfolio.accounts().stream()
                .filter(account -> account.kind() == SandboxData.AccountKind.CHECKING
                        || account.kind() == SandboxData.AccountKind.SAVINGS
                        || account.kind() == SandboxData.AccountKind.CREDIT_CARD)
                .filter(account -> accountId == null || account.accountId().equals(accountId))
                .map(account -> PlaidModels.account(account, null))
                .toList();
        return new TransactionsSyncResponse()
                .transactionsUpdateStatus(TransactionsUpdateStatus.HISTORICAL_UPDATE_COMPLETE)
                .accounts(accounts)
                .added(page.added().stream().map(t -> PlaidModels.transaction(t, original)).toList())
                .modified(page.modified().stream().map(t -> PlaidModels.transaction(t, original)).toList())
                .removed(page.removed().stream().map(t -> new RemovedTransaction()
                        .transactionId(t.transactionId()).accountId(t.accountId())).toList())
                .nextCursor(page.nextCursor())
                .hasMore(page.hasMore())
                .requestId(call.requestId());
    }

    private Object sandboxTransactionsCreate(Call<SandboxTransactionsCreateRequest> call) {
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

    private Object investmentsHoldingsGet(Call<InvestmentsHoldingsGetRequest> call) {
        SandboxItem item = call.item();
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        List<SandboxData.Account> accounts = investmentAccounts(item, ids);
        sandbox.items().billed(item, "investments");
        LocalDate priceDate = lastTradingDay(sandbox.today());
        List<SandboxData.Holding> holdings = item.portfolio.holdings().stream()
                .filter(holding -> accounts.stream().anyMatch(a -> a.accountId().equals(holding.accountId())))
                .toList();
        List<SandboxData.Security> securities = holdings.stream().map(SandboxData.Holding::security).distinct().toList();
        JsonObject response = PlaidJson.tree(new InvestmentsHoldingsGetResponse()
                .accounts(accounts.stream().map(account -> PlaidModels.account(account, null)).toList())
                .holdings(holdings.stream().map(holding -> PlaidModels.holding(holding, priceDate)).toList())
                .securities(securities.stream().map(security -> PlaidModels.security(security, priceDate)).toList())
                .item(PlaidModels.item(item, institutionOf(item), call.requestId()))
                .isInvestmentsFallbackItem(false)
                .requestId(call.requestId()));
        addNewerFields(response, securities);
        return response;
    }

    /**
     * One page of the investment accounts' transactions between start_date and end_date (inclusive), newest first
     * in a fixed order, so that {@code offset} and {@code count} page through them as Plaid's do; the total says
     * how many there are in all. Securities are those the page's transactions name.
     */
    private Object investmentsTransactionsGet(Call<InvestmentsTransactionsGetRequest> call) {
        InvestmentsTransactionsGetRequest request = call.request();
        SandboxItem item = call.item();
        if (request.getStartDate().isAfter(request.getEndDate())) {
            throw PlaidApiError.invalidField("start_date must not be after end_date");
        }
        InvestmentsTransactionsGetRequestOptions options = request.getOptions() == null
                ? new InvestmentsTransactionsGetRequestOptions() : request.getOptions();
        int count = options.getCount() == null ? 100 : options.getCount();
        if (count < 1 || count > 500) {
            throw PlaidApiError.invalidField("options.count must be between 1 and 500");
        }
        int offset = options.getOffset() == null ? 0 : options.getOffset();
        if (offset < 0) {
            throw PlaidApiError.invalidField("options.offset must be 0 or more");
        }
        List<SandboxData.Account> accounts = investmentAccounts(item, options.getAccountIds());
        sandbox.items().billed(item, "investments");
        List<SandboxInvestmentTransaction> matching = item.investmentTransactions.stream()
                .filter(t -> accounts.stream().anyMatch(a -> a.accountId().equals(t.accountId())))
                .filter(t -> !t.date().isBefore(request.getStartDate()) && !t.date().isAfter(request.getEndDate()))
                .toList();
        List<SandboxInvestmentTransaction> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(matching.size(), offset + count));
        List<SandboxData.Security> securities = page.stream().map(SandboxInvestmentTransaction::security)
                .filter(security -> security != null).distinct().toList();
        LocalDate priceDate = lastTradingDay(sandbox.today());
        JsonObject response = PlaidJson.tree(new InvestmentsTransactionsGetResponse()
                .item(PlaidModels.item(item, institutionOf(item), call.requestId()))
                .accounts(accounts.stream().map(account -> PlaidModels.account(account, null)).toList())
                .securities(securities.stream().map(security -> PlaidModels.security(security, priceDate)).toList())
                .investmentTransactions(page.stream().map(PlaidModels::investmentTransaction).toList())
                .totalInvestmentTransactions(matching.size())
                .isInvestmentsFallbackItem(false)
                .requestId(call.requestId()));
        addNewerFields(response, securities);
        return response;
    }

    /** The item's investment accounts among {@code accountIds} (all of them when none are given). */
    private static List<SandboxData.Account> investmentAccounts(SandboxItem item, List<String> accountIds) {
        return select(item, accountIds).stream()
                .filter(account -> account.kind() == SandboxData.AccountKind.BROKERAGE
                        || account.kind() == SandboxData.AccountKind.RETIREMENT_401K)
                .toList();
    }

    /** Fields Plaid added after SDK 39.2.0 was generated, so its models cannot carry them. */
    private static void addNewerFields(JsonObject response, List<SandboxData.Security> securities) {
        response.getAsJsonArray("accounts").forEach(account ->
                account.getAsJsonObject().getAsJsonObject("balances").add("margin_loan_amount", JsonNull.INSTANCE));
        for (int i = 0; i < securities.size(); i++) {
            String cfi = securities.get(i).cfiCode();
            response.getAsJsonArray("securities").get(i).getAsJsonObject()
                    .add("cfi_code", cfi == null ? JsonNull.INSTANCE : new JsonPrimitive(cfi));
        }
    }

    private static LocalDate lastTradingDay(LocalDate today) {
        LocalDate day = today.minusDays(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.minusDays(1);
        }
        return day;
    }

    // ---- sandbox helpers and webhooks -------------------------------------------------------------------------

    private Object sandboxItemResetLogin(Call<SandboxItemResetLoginRequest> call) {
        SandboxItem item = call.item();
        sandbox.items().changeLogin(item, true);
        sandbox.fireLoginRequired(item);
        return new SandboxItemResetLoginResponse().resetLogin(true).requestId(call.requestId());
    }

    private Object sandboxItemFireWebhook(Call<SandboxItemFireWebhookRequest> call) {
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
                        now().plusDays(7).toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
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

    private Object webhookVerificationKeyGet(Call<WebhookVerificationKeyGetRequest> call) {
        if (!sandbox.webhooks().keyId().equals(call.request().getKeyId())) {
            throw PlaidApiError.invalidInput("INVALID_WEBHOOK_VERIFICATION_KEY_ID",
                    "invalid key_id provided. note that key_ids are specific to Plaid environments");
        }
        return new WebhookVerificationKeyGetResponse()
                .key(sandbox.webhooks().publicKey())
                .requestId(call.requestId());
    }
}
