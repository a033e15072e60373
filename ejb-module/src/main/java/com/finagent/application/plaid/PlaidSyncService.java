package com.finagent.application.plaid;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.plaid.PlaidItem;
import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountType;
import com.plaid.client.model.AccountsBalanceGetRequest;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.Holding;
import com.plaid.client.model.InvestmentsHoldingsGetRequest;
import com.plaid.client.model.InvestmentsHoldingsGetResponse;
import com.plaid.client.model.InvestmentTransaction;
import com.plaid.client.model.InvestmentsTransactionsGetRequest;
import com.plaid.client.model.InvestmentsTransactionsGetRequestOptions;
import com.plaid.client.model.InvestmentsTransactionsGetResponse;
import com.plaid.client.model.RemovedTransaction;
import com.plaid.client.model.Security;
import com.plaid.client.model.Transaction;
import com.plaid.client.model.TransactionsSyncRequest;
import com.plaid.client.model.TransactionsSyncResponse;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Brings an item up to date: balances, transactions through {@code /transactions/sync} from the stored cursor,
 * investment holdings, and investment transactions ({@code /investments/transactions/get} over the 24 months Plaid
 * keeps, page by page until its total) as activities ({@link InvestmentActivities}). Everything is fetched first, outside any database transaction, then written at once
 * by {@link PlaidStore#apply} with the new cursor. A Plaid failure part-way therefore writes nothing; an item
 * error (such as ITEM_LOGIN_REQUIRED) marks the item for the user, a transient one (429, 5xx) is reported and
 * can simply be retried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaidSyncService {

    /** Plaid's maximum page of {@code /transactions/sync}. */
    static final int PAGE_SIZE = 500;
    /** Plaid keeps 24 months of investment transactions. */
    static final int INVESTMENT_HISTORY_MONTHS = 24;
    private static final Logger LOG = Logger.getLogger(PlaidSyncService.class.getName());
    private static final int PAGINATION_RESTARTS = 3;
    private static final Set<String> NO_HOLDINGS = Set.of("PRODUCTS_NOT_SUPPORTED", "NO_INVESTMENT_ACCOUNTS",
            "PRODUCT_NOT_READY", "INVALID_PRODUCT", "PRODUCTS_NOT_SUPPORTED_BY_INSTITUTION");

    @Inject
    PlaidGateway plaid;

    @Inject
    AccessTokenCipher cipher;

    @EJB
    PlaidStore store;

    @EJB
    PlaidItems items;

    @Inject
    SyncNotifier notifier;

    @Inject
    PlaidSyncMetrics metrics;

    Clock clock = Clock.systemUTC();

    /**
     * @param refreshBalances ask the institution for live balances ({@code /accounts/balance/get}, slower and
     *                        billed by Plaid) instead of the cached ones of {@code /accounts/get}
     */
    public SyncResult sync(UUID userId, UUID itemId, boolean refreshBalances) {
        long started = System.nanoTime();
        SyncResult result = sync(userId, itemId, refreshBalances, started);
        metrics.synced(result);
        return result;
    }

    private SyncResult sync(UUID userId, UUID itemId, boolean refreshBalances, long started) {
        PlaidItem item = items.get(userId, itemId);
        String accessToken = cipher.decrypt(item.getAccessTokenEncrypted(), item.getPlaidItemId());
        SyncBatch batch;
        try {
            batch = fetch(accessToken, item.getTransactionsCursor(), refreshBalances);
        } catch (PlaidException e) {
            if (e.isItemError()) {
                store.markFailed(userId, itemId, e.errorCode(),
                        e.displayMessage() != null ? e.displayMessage() : e.getMessage());
                return SyncResult.failed(itemId, e.errorCode(), e.getMessage(), elapsedMillis(started));
            }
            metrics.unavailable(Duration.ofNanos(System.nanoTime() - started));
            throw unavailable(e);
        }
        PlaidStore.Applied applied = store.apply(userId, itemId, item.getPlaidItemId(), batch);
        if (applied.superseded()) {
            return SyncResult.superseded(itemId, elapsedMillis(started));
        }
        SyncResult result = new SyncResult(itemId, SyncResult.SYNCED, batch.accounts().size(), batch.added(),
                batch.modified(), batch.removedTransactionIds().size(),
                batch.holdings() == null ? null : batch.holdings().size(), null, null, elapsedMillis(started));
        notifier.synced(userId, result);
        return result;
    }

    /** A Plaid outage as the API reports it: the caller's stored data is unchanged and a retry may succeed. */
    static FinAgentException unavailable(PlaidException e) {
        boolean limited = e.status() == 429;
        return new FinAgentException(limited ? ErrorType.RATE_LIMIT : ErrorType.EXTERNAL_SERVICE, limited ? 429 : 503,
                "Plaid did not complete the request (" + e.errorCode() + "); nothing was changed, try again shortly",
                List.of(), e);
    }

    SyncBatch fetch(String accessToken, String cursor, boolean refreshBalances) {
        List<AccountBase> accounts = plaid.call(api -> refreshBalances
                ? api.accountsBalanceGet(new AccountsBalanceGetRequest().accessToken(accessToken))
                : api.accountsGet(new AccountsGetRequest().accessToken(accessToken))).getAccounts();
        for (int attempt = 1; ; attempt++) {
            try {
                return fetchFrom(accessToken, cursor, accounts);
            } catch (PlaidException e) {
                // Plaid's rule: when data changes under a pagination, start it again from its first cursor.
                if (!"TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION".equals(e.errorCode()) || attempt == PAGINATION_RESTARTS) {
                    throw e;
                }
            }
        }
    }

    private SyncBatch fetchFrom(String accessToken, String startCursor, List<AccountBase> accounts) {
        Map<String, SyncBatch.TransactionRow> upserts = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        int added = 0;
        int modified = 0;
        String cursor = startCursor;
        TransactionsSyncResponse page;
        do {
            String from = cursor;
            page = plaid.call(api -> api.transactionsSync(new TransactionsSyncRequest().accessToken(accessToken)
                    .cursor(from).count(PAGE_SIZE)));
            for (Transaction transaction : page.getAdded()) {
                upserts.put(transaction.getTransactionId(), row(transaction));
                removed.remove(transaction.getTransactionId());
                added++;
            }
            for (Transaction transaction : page.getModified()) {
                upserts.put(transaction.getTransactionId(), row(transaction));
                modified++;
            }
            for (RemovedTransaction gone : page.getRemoved()) {
                upserts.remove(gone.getTransactionId());
                removed.add(gone.getTransactionId());
            }
            cursor = page.getNextCursor();
        } while (Boolean.TRUE.equals(page.getHasMore()));
        List<SyncBatch.HoldingRow> holdings = holdings(accessToken, accounts);
        List<InvestmentActivities.Row> activities = holdings == null ? List.of() : investmentActivities(accessToken);
        return new SyncBatch(accounts.stream().map(PlaidSyncService::row).toList(), List.copyOf(upserts.values()),
                List.copyOf(removed), holdings, activities, startCursor, cursor, added, modified);
    }

    /**
     * Every investment transaction of the last 24 months, fetched page by page (offset by offset) until Plaid's
     * total, as activities. Plaid's order is stable, so the pages neither overlap nor leave a gap.
     */
    List<InvestmentActivities.Row> investmentActivities(String accessToken) {
        LocalDate end = LocalDate.now(clock);
        LocalDate start = end.minusMonths(INVESTMENT_HISTORY_MONTHS);
        List<InvestmentTransaction> transactions = new ArrayList<>();
        Map<String, Security> securities = new LinkedHashMap<>();
        int total;
        do {
            int offset = transactions.size();
            InvestmentsTransactionsGetResponse page;
            try {
                page = plaid.call(api -> api.investmentsTransactionsGet(new InvestmentsTransactionsGetRequest()
                        .accessToken(accessToken).startDate(start).endDate(end)
                        .options(new InvestmentsTransactionsGetRequestOptions().count(PAGE_SIZE).offset(offset))));
            } catch (PlaidException e) {
                if (NO_HOLDINGS.contains(e.errorCode())) {
                    return List.of();
                }
                throw e;
            }
            transactions.addAll(page.getInvestmentTransactions());
            page.getSecurities().forEach(security -> securities.putIfAbsent(security.getSecurityId(), security));
            total = page.getTotalInvestmentTransactions();
            if (page.getInvestmentTransactions().isEmpty()) {
                break;
            }
        } while (transactions.size() < total);
        InvestmentActivities.Mapped mapped = InvestmentActivities.map(transactions, securities);
        if (!mapped.skipped().isEmpty()) {
            LOG.fine(() -> mapped.skipped().size() + " investment transactions are not activities: " + mapped.skipped());
        }
        return mapped.rows();
    }

    private List<SyncBatch.HoldingRow> holdings(String accessToken, List<AccountBase> accounts) {
        if (accounts.stream().noneMatch(a -> a.getType() == AccountType.INVESTMENT || a.getType() == AccountType.BROKERAGE)) {
            return null;
        }
        InvestmentsHoldingsGetResponse response;
        try {
            response = plaid.call(api -> api.investmentsHoldingsGet(
                    new InvestmentsHoldingsGetRequest().accessToken(accessToken)));
        } catch (PlaidException e) {
            if (NO_HOLDINGS.contains(e.errorCode())) {
                return null;
            }
            throw e;
        }
        Map<String, Security> securities = response.getSecurities().stream()
                .collect(Collectors.toMap(Security::getSecurityId, Function.identity(), (a, b) -> a));
        List<SyncBatch.HoldingRow> rows = new ArrayList<>();
        for (Holding holding : response.getHoldings()) {
            Security security = securities.get(holding.getSecurityId());
            rows.add(new SyncBatch.HoldingRow(holding.getAccountId(), holding.getSecurityId(),
                    security == null ? null : security.getTickerSymbol(),
                    security == null ? null : security.getName(), security == null ? null : security.getType(),
                    security == null ? null : security.getSector(), security == null ? null : security.getIndustry(),
                    decimal(holding.getQuantity(), 8), decimal(holding.getCostBasis(), 2),
                    decimal(holding.getInstitutionValue(), 2), decimal(holding.getInstitutionPrice(), 4),
                    holding.getIsoCurrencyCode()));
        }
        return rows;
    }

    private static SyncBatch.AccountRow row(AccountBase account) {
        var balances = account.getBalances();
        return new SyncBatch.AccountRow(account.getAccountId(), account.getName(), accountType(account.getType()),
                account.getSubtype() == null ? null : account.getSubtype().getValue(),
                decimal(balances.getAvailable(), 2), decimal(balances.getCurrent(), 2), decimal(balances.getLimit(), 2),
                balances.getIsoCurrencyCode());
    }

    /** Plaid's account types onto the four the schema knows; "brokerage" is Plaid's older name for investment. */
    static String accountType(AccountType type) {
        if (type == null) {
            return "depository";
        }
        return switch (type) {
            case INVESTMENT, BROKERAGE -> "investment";
            case CREDIT -> "credit";
            case LOAN -> "loan";
            default -> "depository";
        };
    }

    private static SyncBatch.TransactionRow row(Transaction transaction) {
        JsonArrayBuilder category = Json.createArrayBuilder();
        if (transaction.getPersonalFinanceCategory() != null) {
            category.add(transaction.getPersonalFinanceCategory().getPrimary());
            if (transaction.getPersonalFinanceCategory().getDetailed() != null) {
                category.add(transaction.getPersonalFinanceCategory().getDetailed());
            }
        } else if (transaction.getCategory() != null) {
            transaction.getCategory().forEach(category::add);
        }
        return new SyncBatch.TransactionRow(transaction.getTransactionId(), transaction.getAccountId(),
                decimal(transaction.getAmount(), 2), transaction.getDate(), transaction.getName(),
                transaction.getMerchantName(), category.build().toString(), Boolean.TRUE.equals(transaction.getPending()));
    }

    private static BigDecimal decimal(Double value, int scale) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
