package com.finagent.plaid.sandbox;

import com.plaid.client.ApiClient;
import com.plaid.client.JSON;
import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountType;
import com.plaid.client.model.AccountsBalanceGetRequest;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.AccountsGetResponse;
import com.plaid.client.model.CountryCode;
import com.plaid.client.model.CustomSandboxTransaction;
import com.plaid.client.model.Holding;
import com.plaid.client.model.InvestmentsHoldingsGetRequest;
import com.plaid.client.model.InvestmentsHoldingsGetResponse;
import com.plaid.client.model.ItemGetRequest;
import com.plaid.client.model.ItemGetResponse;
import com.plaid.client.model.ItemPublicTokenExchangeRequest;
import com.plaid.client.model.ItemPublicTokenExchangeResponse;
import com.plaid.client.model.ItemRemoveRequest;
import com.plaid.client.model.LinkTokenCreateRequest;
import com.plaid.client.model.LinkTokenCreateRequestUser;
import com.plaid.client.model.LinkTokenCreateResponse;
import com.plaid.client.model.PlaidError;
import com.plaid.client.model.PlaidErrorType;
import com.plaid.client.model.Products;
import com.plaid.client.model.RemovedTransaction;
import com.plaid.client.model.SandboxItemResetLoginRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequest;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptions;
import com.plaid.client.model.SandboxPublicTokenCreateRequestOptionsTransactions;
import com.plaid.client.model.SandboxTransactionsCreateRequest;
import com.plaid.client.model.Security;
import com.plaid.client.model.Transaction;
import com.plaid.client.model.TransactionsSyncRequest;
import com.plaid.client.model.TransactionsSyncResponse;
import com.plaid.client.request.PlaidApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official Plaid SDK against the sandbox: the flows the integration uses, page by page, and its failures. */
class PlaidSandboxSdkTest {

    private static final String CLIENT_ID = "finagent-test";
    private static final String SECRET = "sandbox-secret";
    private static final Instant NOW = Instant.parse("2025-06-30T15:00:00Z");

    private static PlaidSandbox sandbox;
    private static PlaidApi plaid;

    @BeforeAll
    static void start() throws IOException {
        sandbox = PlaidSandbox.start("127.0.0.1", 0, SandboxOptions.defaults()
                .withCredentials(CLIENT_ID, SECRET)
                .withSeed(7)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        plaid = client(CLIENT_ID, SECRET);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static PlaidApi client(String clientId, String secret) {
        return clientFor(sandbox, clientId, secret);
    }

    /** The SDK set up as the integration sets it up, pointed at the sandbox. */
    static PlaidApi clientFor(PlaidSandbox target, String clientId, String secret) {
        ApiClient apiClient = new ApiClient(Map.of("clientId", clientId, "secret", secret));
        apiClient.setPlaidAdapter(target.baseUrl());
        return apiClient.createService(PlaidApi.class);
    }

    /** Links an item the way a server does in Sandbox: public token, then exchange. */
    static ItemPublicTokenExchangeResponse link(PlaidApi api, String institutionId,
                                                SandboxPublicTokenCreateRequestOptions options) throws IOException {
        String publicToken = ok(api.sandboxPublicTokenCreate(new SandboxPublicTokenCreateRequest()
                .institutionId(institutionId)
                .initialProducts(List.of(Products.TRANSACTIONS, Products.INVESTMENTS))
                .options(options))).getPublicToken();
        return ok(api.itemPublicTokenExchange(new ItemPublicTokenExchangeRequest().publicToken(publicToken)));
    }

    static <T> T ok(Call<T> call) throws IOException {
        Response<T> response = call.execute();
        assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + ": " + errorBody(response));
        return response.body();
    }

    private static String errorBody(Response<?> response) {
        try {
            return response.errorBody() == null ? "" : response.errorBody().string();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Parses the error body as an SDK user does. */
    static PlaidError error(Call<?> call, int expectedStatus) throws IOException {
        Response<?> response = call.execute();
        assertEquals(expectedStatus, response.code());
        PlaidError error = new JSON().getGson().fromJson(response.errorBody().string(), PlaidError.class);
        assertNotNull(error.getRequestId());
        return error;
    }

    record SyncResult(List<Transaction> added, List<Transaction> modified, List<RemovedTransaction> removed,
                      String cursor, int pages) {
    }

    static SyncResult syncAll(PlaidApi api, String accessToken, String cursor, int count) throws IOException {
        List<Transaction> added = new ArrayList<>();
        List<Transaction> modified = new ArrayList<>();
        List<RemovedTransaction> removed = new ArrayList<>();
        int pages = 0;
        boolean hasMore = true;
        while (hasMore) {
            TransactionsSyncResponse page = ok(api.transactionsSync(new TransactionsSyncRequest()
                    .accessToken(accessToken).cursor(cursor).count(count)));
            added.addAll(page.getAdded());
            modified.addAll(page.getModified());
            removed.addAll(page.getRemoved());
            cursor = page.getNextCursor();
            hasMore = page.getHasMore();
            pages++;
        }
        return new SyncResult(added, modified, removed, cursor, pages);
    }

    @Test
    void linksAnItemAndReadsItsAccountsTransactionsAndHoldings() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109508", null);
        String accessToken = linked.getAccessToken();
        assertTrue(accessToken.startsWith("access-sandbox-"));

        ItemGetResponse item = ok(plaid.itemGet(new ItemGetRequest().accessToken(accessToken)));
        assertEquals(linked.getItemId(), item.getItem().getItemId());
        assertEquals("ins_109508", item.getItem().getInstitutionId());
        assertEquals("First Platypus Bank", item.getItem().getInstitutionName());
        assertNull(item.getItem().getError());
        assertTrue(item.getItem().getBilledProducts().contains(Products.TRANSACTIONS));

        AccountsGetResponse accounts = ok(plaid.accountsGet(new AccountsGetRequest().accessToken(accessToken)));
        assertEquals(5, accounts.getAccounts().size());
        Set<AccountType> types = accounts.getAccounts().stream().map(AccountBase::getType).collect(Collectors.toSet());
        assertEquals(Set.of(AccountType.DEPOSITORY, AccountType.CREDIT, AccountType.INVESTMENT), types);
        accounts.getAccounts().forEach(account -> {
            assertEquals(4, account.getMask().length());
            assertNotNull(account.getBalances().getCurrent());
        });
        AccountBase card = accounts.getAccounts().stream().filter(a -> a.getType() == AccountType.CREDIT)
                .findFirst().orElseThrow();
        assertEquals(card.getBalances().getLimit() - card.getBalances().getCurrent(),
                card.getBalances().getAvailable(), 0.001);
        AccountsGetResponse balances = ok(plaid.accountsBalanceGet(
                new AccountsBalanceGetRequest().accessToken(accessToken)));
        assertEquals(accounts.getAccounts().get(0).getBalances().getCurrent(),
                balances.getAccounts().get(0).getBalances().getCurrent());

        SyncResult sync = syncAll(plaid, accessToken, null, 100);
        int expected = sandbox.transactionIds(linked.getItemId()).size();
        assertTrue(expected > 250 && expected < 500, "a few hundred transactions, got " + expected);
        assertEquals(expected, sync.added().size());
        assertEquals((expected + 99) / 100, sync.pages());
        assertEquals(expected, sync.added().stream().map(Transaction::getTransactionId).distinct().count());
        assertTrue(sync.modified().isEmpty());
        assertTrue(sync.removed().isEmpty());
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        for (Transaction transaction : sync.added()) {
            assertFalse(transaction.getDate().isAfter(today));
            assertFalse(transaction.getDate().isBefore(today.minusDays(181)));
            assertFalse(transaction.getPending());
            assertEquals("USD", transaction.getIsoCurrencyCode());
            assertNotNull(transaction.getPersonalFinanceCategory().getPrimary());
            assertNotEquals(0.0, transaction.getAmount());
        }
        assertTrue(sync.added().stream().anyMatch(t -> "Starbucks".equals(t.getMerchantName()) && t.getAmount() > 0));
        assertTrue(sync.added().stream().anyMatch(t ->
                "INCOME".equals(t.getPersonalFinanceCategory().getPrimary()) && t.getAmount() < 0));

        InvestmentsHoldingsGetResponse holdings = ok(plaid.investmentsHoldingsGet(
                new InvestmentsHoldingsGetRequest().accessToken(accessToken)));
        assertEquals(2, holdings.getAccounts().size());
        Set<String> securityIds = holdings.getSecurities().stream().map(Security::getSecurityId)
                .collect(Collectors.toSet());
        Set<String> tickers = holdings.getSecurities().stream().map(Security::getTickerSymbol)
                .collect(Collectors.toSet());
        assertTrue(tickers.containsAll(Set.of("AAPL", "MSFT", "IBM", "KO", "SPY")), tickers.toString());
        for (Holding holding : holdings.getHoldings()) {
            assertTrue(securityIds.contains(holding.getSecurityId()));
            assertEquals(holding.getQuantity() * holding.getInstitutionPrice(), holding.getInstitutionValue(), 0.01);
            assertTrue(holding.getCostBasis() > 0);
        }
    }

    @Test
    void incrementalSyncSeesExactlyTheAddedModifiedAndRemovedTransactions() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109511", null);
        String itemId = linked.getItemId();
        SyncResult initial = syncAll(plaid, linked.getAccessToken(), "", 500);
        assertEquals(sandbox.transactionIds(itemId).size(), initial.added().size());

        SyncResult nothing = syncAll(plaid, linked.getAccessToken(), initial.cursor(), 100);
        assertTrue(nothing.added().isEmpty() && nothing.modified().isEmpty() && nothing.removed().isEmpty());

        List<String> existing = sandbox.transactionIds(itemId);
        List<String> added = sandbox.addTransactions(itemId, 3);
        String modifiedId = existing.get(10);
        String removedId = existing.get(20);
        sandbox.modifyTransactions(itemId, Map.of(modifiedId, 123.45));
        sandbox.removeTransactions(itemId, List.of(removedId));
        ok(plaid.sandboxTransactionsCreate(new SandboxTransactionsCreateRequest()
                .accessToken(linked.getAccessToken())
                .transactions(List.of(new CustomSandboxTransaction()
                        .dateTransacted(LocalDate.of(2025, 6, 28)).datePosted(LocalDate.of(2025, 6, 29))
                        .amount(4.75).description("Starbucks #1234")))));

        SyncResult delta = syncAll(plaid, linked.getAccessToken(), initial.cursor(), 100);
        assertEquals(4, delta.added().size());
        assertTrue(delta.added().stream().map(Transaction::getTransactionId).toList().containsAll(added));
        Transaction custom = delta.added().stream().filter(t -> t.getName().equals("Starbucks #1234")).findFirst()
                .orElseThrow();
        assertEquals(4.75, custom.getAmount());
        assertEquals("Starbucks", custom.getMerchantName());
        assertEquals(LocalDate.of(2025, 6, 29), custom.getDate());
        assertEquals(1, delta.modified().size());
        assertEquals(modifiedId, delta.modified().get(0).getTransactionId());
        assertEquals(123.45, delta.modified().get(0).getAmount());
        assertEquals(List.of(removedId), delta.removed().stream().map(RemovedTransaction::getTransactionId).toList());

        SyncResult fresh = syncAll(plaid, linked.getAccessToken(), null, 500);
        assertEquals(sandbox.transactionIds(itemId).size(), fresh.added().size());
        assertTrue(fresh.modified().isEmpty() && fresh.removed().isEmpty(), "a new sync sees only the current state");
    }

    @Test
    void aSyncInterruptedBetweenPagesResumesFromTheSameCursorWithoutDuplicates() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109509", new SandboxPublicTokenCreateRequestOptions()
                .overrideUsername("user_transactions_1000").overridePassword("pass_good"));
        String accessToken = linked.getAccessToken();
        sandbox.injectFault(linked.getItemId(), SandboxFault.of(SandboxFault.Kind.INTERNAL_SERVER_ERROR)
                .onEndpoint("/transactions/sync").afterCalls(2));

        Set<String> seen = new HashSet<>();
        String cursor = "";
        List<String> pageCursors = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            TransactionsSyncResponse response = ok(plaid.transactionsSync(new TransactionsSyncRequest()
                    .accessToken(accessToken).cursor(cursor).count(250)));
            response.getAdded().forEach(t -> assertTrue(seen.add(t.getTransactionId())));
            pageCursors.add(cursor);
            cursor = response.getNextCursor();
        }
        PlaidError failure = error(plaid.transactionsSync(new TransactionsSyncRequest()
                .accessToken(accessToken).cursor(cursor).count(250)), 500);
        assertEquals(PlaidErrorType.API_ERROR, failure.getErrorType());
        assertEquals("INTERNAL_SERVER_ERROR", failure.getErrorCode());

        // Changes made during the pagination wait for the next one; the pages asked for again are unchanged.
        sandbox.addTransactions(linked.getItemId(), 5);
        TransactionsSyncResponse again = ok(plaid.transactionsSync(new TransactionsSyncRequest()
                .accessToken(accessToken).cursor(pageCursors.get(1)).count(250)));
        assertEquals(cursor, again.getNextCursor());
        assertTrue(again.getAdded().stream().allMatch(t -> seen.contains(t.getTransactionId())));

        SyncResult rest = syncAll(plaid, accessToken, cursor, 250);
        rest.added().forEach(t -> assertTrue(seen.add(t.getTransactionId()), "duplicate " + t.getTransactionId()));
        assertEquals(1000, seen.size());
        assertEquals(2, rest.pages());
        SyncResult next = syncAll(plaid, accessToken, rest.cursor(), 250);
        assertEquals(5, next.added().size());
    }

    @Test
    void theBenchmarkUsernameGivesExactlyThatManyTransactionsInTheRequestedWindow() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109510", new SandboxPublicTokenCreateRequestOptions()
                .overrideUsername("user_transactions_5000")
                .transactions(new SandboxPublicTokenCreateRequestOptionsTransactions()
                        .startDate(LocalDate.of(2024, 7, 1)).endDate(LocalDate.of(2025, 6, 30))));
        SyncResult sync = syncAll(plaid, linked.getAccessToken(), null, 500);
        assertEquals(10, sync.pages());
        assertEquals(5000, sync.added().stream().map(Transaction::getTransactionId).distinct().count());
        assertTrue(sync.added().stream().allMatch(t -> !t.getDate().isBefore(LocalDate.of(2024, 7, 1))));
    }

    @Test
    void injectedErrorsReachTheSdkWithPlaidsStatusAndErrorCode() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109512", null);
        String itemId = linked.getItemId();
        AccountsGetRequest accounts = new AccountsGetRequest().accessToken(linked.getAccessToken());

        sandbox.injectFault(itemId, SandboxFault.of(SandboxFault.Kind.RATE_LIMIT_EXCEEDED)
                .onEndpoint("/transactions/sync").afterCalls(1));
        ok(plaid.transactionsSync(new TransactionsSyncRequest().accessToken(linked.getAccessToken())));
        PlaidError limited = error(plaid.transactionsSync(
                new TransactionsSyncRequest().accessToken(linked.getAccessToken())), 429);
        assertEquals(PlaidErrorType.RATE_LIMIT_EXCEEDED, limited.getErrorType());
        assertEquals("TRANSACTIONS_SYNC_LIMIT", limited.getErrorCode());
        ok(plaid.transactionsSync(new TransactionsSyncRequest().accessToken(linked.getAccessToken())));

        sandbox.injectFault(itemId, SandboxFault.of(SandboxFault.Kind.ITEM_LOGIN_REQUIRED).persistent());
        for (int i = 0; i < 2; i++) {
            PlaidError login = error(plaid.accountsGet(accounts), 400);
            assertEquals(PlaidErrorType.ITEM_ERROR, login.getErrorType());
            assertEquals("ITEM_LOGIN_REQUIRED", login.getErrorCode());
        }
        sandbox.clearFaults();
        ok(plaid.accountsGet(accounts));

        sandbox.injectFault(null, SandboxFault.of(SandboxFault.Kind.INTERNAL_SERVER_ERROR));
        assertEquals("INTERNAL_SERVER_ERROR", error(plaid.accountsGet(accounts), 500).getErrorCode());
        ok(plaid.accountsGet(accounts));
    }

    @Test
    void wrongCredentialsAndTokensFailAsOnPlaid() throws IOException {
        PlaidError keys = error(client(CLIENT_ID, "wrong-secret").itemGet(
                new ItemGetRequest().accessToken("access-sandbox-00000000-0000-0000-0000-000000000000")), 400);
        assertEquals(PlaidErrorType.INVALID_INPUT, keys.getErrorType());
        assertEquals("INVALID_API_KEYS", keys.getErrorCode());

        PlaidError token = error(plaid.itemGet(new ItemGetRequest().accessToken("access-sandbox-unknown")), 400);
        assertEquals("INVALID_ACCESS_TOKEN", token.getErrorCode());

        PlaidError password = error(plaid.sandboxPublicTokenCreate(new SandboxPublicTokenCreateRequest()
                .institutionId("ins_109508").initialProducts(List.of(Products.TRANSACTIONS))
                .options(new SandboxPublicTokenCreateRequestOptions()
                        .overrideUsername("user_good").overridePassword("pass_bad"))), 400);
        assertEquals(PlaidErrorType.ITEM_ERROR, password.getErrorType());
        assertEquals("INVALID_CREDENTIALS", password.getErrorCode());

        PlaidError institution = error(plaid.sandboxPublicTokenCreate(new SandboxPublicTokenCreateRequest()
                .institutionId("ins_1").initialProducts(List.of(Products.TRANSACTIONS))), 400);
        assertEquals("INVALID_INSTITUTION", institution.getErrorCode());

        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109508", null);
        ok(plaid.itemRemove(new ItemRemoveRequest().accessToken(linked.getAccessToken())));
        assertEquals("ITEM_NOT_FOUND", error(plaid.itemGet(
                new ItemGetRequest().accessToken(linked.getAccessToken())), 400).getErrorCode());
    }

    @Test
    void completeLinkPlaysTheUserInPlaidLinkForNewItemsAndUpdateMode() throws IOException {
        LinkTokenCreateRequest request = new LinkTokenCreateRequest()
                .clientName("Fin Agent").language("en").countryCodes(List.of(CountryCode.US))
                .user(new LinkTokenCreateRequestUser().clientUserId("user-42"))
                .products(List.of(Products.TRANSACTIONS))
                .webhook("http://127.0.0.1:9/plaid/webhook");
        LinkTokenCreateResponse link = ok(plaid.linkTokenCreate(request));
        assertTrue(link.getLinkToken().startsWith("link-sandbox-"));
        String publicToken = sandbox.completeLink(link.getLinkToken(), "ins_109510");
        ItemPublicTokenExchangeResponse linked = ok(plaid.itemPublicTokenExchange(
                new ItemPublicTokenExchangeRequest().publicToken(publicToken)));
        ItemGetResponse item = ok(plaid.itemGet(new ItemGetRequest().accessToken(linked.getAccessToken())));
        assertEquals("ins_109510", item.getItem().getInstitutionId());
        assertEquals("http://127.0.0.1:9/plaid/webhook", item.getItem().getWebhook());
        assertEquals(List.of(Products.TRANSACTIONS), item.getItem().getBilledProducts());

        ok(plaid.sandboxItemResetLogin(new SandboxItemResetLoginRequest().accessToken(linked.getAccessToken())));
        LinkTokenCreateResponse update = ok(plaid.linkTokenCreate(request.products(null)
                .accessToken(linked.getAccessToken())));
        sandbox.completeLink(update.getLinkToken(), null);
        ok(plaid.accountsGet(new AccountsGetRequest().accessToken(linked.getAccessToken())));
    }

    @Test
    void resetLoginPutsTheItemIntoItemLoginRequired() throws IOException {
        ItemPublicTokenExchangeResponse linked = link(plaid, "ins_109508", null);
        String accessToken = linked.getAccessToken();
        assertTrue(ok(plaid.sandboxItemResetLogin(new SandboxItemResetLoginRequest().accessToken(accessToken)))
                .getResetLogin());

        assertEquals("ITEM_LOGIN_REQUIRED", error(plaid.accountsGet(
                new AccountsGetRequest().accessToken(accessToken)), 400).getErrorCode());
        assertEquals("ITEM_LOGIN_REQUIRED", error(plaid.transactionsSync(
                new TransactionsSyncRequest().accessToken(accessToken)), 400).getErrorCode());
        ItemGetResponse item = ok(plaid.itemGet(new ItemGetRequest().accessToken(accessToken)));
        assertEquals("ITEM_LOGIN_REQUIRED", item.getItem().getError().getErrorCode());

        sandbox.setLoginRequired(linked.getItemId(), false);
        ok(plaid.accountsGet(new AccountsGetRequest().accessToken(accessToken)));
        assertTrue(sandbox.requestCount("/accounts/get") >= 2);
    }
}
