package com.finagent.plaid.sandbox;

import com.plaid.client.model.AccountBase;
import com.plaid.client.model.RemovedTransaction;
import com.plaid.client.model.TransactionsSyncRequest;
import com.plaid.client.model.TransactionsSyncRequestOptions;
import com.plaid.client.model.TransactionsSyncResponse;
import com.plaid.client.model.TransactionsUpdateStatus;

import java.util.List;

/** Plaid's Transactions endpoint: {@code /transactions/sync} pages through an item's log of changes. */
final class TransactionEndpoints {

    private final PlaidSandbox sandbox;

    TransactionEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object transactionsSync(SandboxCall<TransactionsSyncRequest> call) {
        TransactionsSyncRequest request = call.request();
        SandboxItem item = call.item();
        int count = request.getCount() == null ? 100 : request.getCount();
        if (count < 1 || count > 500) {
            throw PlaidApiError.invalidField("count must be between 1 and 500");
        }
        TransactionsSyncRequestOptions options = request.getOptions();
        String accountId = options == null ? null : options.getAccountId();
        if (accountId != null) {
            AccountEndpoints.select(item, List.of(accountId));
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
}
