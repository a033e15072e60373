package com.finagent.plaid.sandbox;

import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountsBalanceGetRequest;
import com.plaid.client.model.AccountsGetRequest;
import com.plaid.client.model.AccountsGetResponse;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Plaid's Accounts endpoints: an item's accounts as {@code /accounts/get} lists them or, billed as the balance
 * product, with balances as of the request ({@code /accounts/balance/get}).
 */
final class AccountEndpoints {

    private final PlaidSandbox sandbox;

    AccountEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object accountsGet(SandboxCall<AccountsGetRequest> call) {
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        return accounts(call.item(), ids, null, call.requestId());
    }

    Object accountsBalanceGet(SandboxCall<AccountsBalanceGetRequest> call) {
        sandbox.items().billed(call.item(), "balance");
        List<String> ids = call.request().getOptions() == null ? null : call.request().getOptions().getAccountIds();
        return accounts(call.item(), ids, sandbox.now(), call.requestId());
    }

    private AccountsGetResponse accounts(SandboxItem item, List<String> accountIds, OffsetDateTime balanceTime,
                                         String requestId) {
        List<SandboxData.Account> selected = select(item, accountIds);
        List<AccountBase> accounts = selected.stream()
                .map(account -> PlaidModels.account(account, balanceTime)).toList();
        return new AccountsGetResponse()
                .accounts(accounts)
                .item(PlaidModels.item(item, ItemEndpoints.institutionOf(item), requestId))
                .requestId(requestId);
    }

    /** The item's accounts among {@code accountIds} (all of them when none are given); an unknown id fails. */
    static List<SandboxData.Account> select(SandboxItem item, List<String> accountIds) {
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
}
