package com.finagent.web.portfolio;

import com.finagent.persistence.portfolio.Account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An account of a portfolio; {@code plaidAccountId} is set when it mirrors a linked account. */
public record AccountView(UUID id, String brokerName, String accountNumber, String accountType, boolean active,
                          String plaidAccountId, OffsetDateTime lastSyncedAt) {

    static AccountView of(Account account) {
        return new AccountView(account.getId(), account.getBrokerName(), account.getAccountNumber(),
                account.getAccountType(), account.isActive(), account.getPlaidAccountId(), account.getLastSyncedAt());
    }
}
