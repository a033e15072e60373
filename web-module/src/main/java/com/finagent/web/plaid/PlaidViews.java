package com.finagent.web.plaid;

import com.finagent.persistence.plaid.PlaidAccount;
import com.finagent.persistence.plaid.PlaidHolding;
import com.finagent.persistence.plaid.PlaidItem;
import com.finagent.persistence.plaid.PlaidTransaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the Plaid endpoints show. Access tokens and cursors never leave the server. */
public final class PlaidViews {

    private PlaidViews() {
    }

    public record ItemView(UUID id, String institutionId, String institutionName, String status, String errorCode,
                    String errorMessage, OffsetDateTime lastSyncedAt, OffsetDateTime createdAt,
                    List<AccountView> accounts) {

        static ItemView of(PlaidItem item, List<PlaidAccount> accounts) {
            return new ItemView(item.getId(), item.getInstitutionId(), item.getInstitutionName(),
                    item.getStatus().databaseValue(), item.getErrorCode(), item.getErrorMessage(),
                    item.getLastSyncedAt(), item.getCreatedAt(), accounts.stream()
                    .filter(a -> a.getPlaidItemId().equals(item.getPlaidItemId())).map(AccountView::of).toList());
        }
    }

    public record AccountView(String accountId, String name, String type, String subtype, BigDecimal availableBalance,
                       BigDecimal currentBalance, BigDecimal limit, String currency, OffsetDateTime lastSyncedAt) {

        static AccountView of(PlaidAccount account) {
            return new AccountView(account.getPlaidAccountId(), account.getAccountName(),
                    account.getAccountType().databaseValue(), account.getAccountSubtype(),
                    account.getBalanceAvailable(), account.getBalanceCurrent(), account.getBalanceLimit(),
                    account.getIsoCurrencyCode(), account.getLastSyncedAt());
        }
    }

    public record TransactionView(String transactionId, String accountId, BigDecimal amount, LocalDate date, String name,
                           String merchantName, String category, boolean pending) {

        static TransactionView of(PlaidTransaction transaction) {
            return new TransactionView(transaction.getPlaidTransactionId(), transaction.getPlaidAccountId(),
                    transaction.getAmount(), transaction.getDate(), transaction.getName(),
                    transaction.getMerchantName(), transaction.getCategory(), transaction.isPending());
        }
    }

    public record TransactionPageView(List<TransactionView> transactions, int page, int size, long total) {
    }

    public record HoldingView(String accountId, String securityId, String symbol, String name, String type,
                       BigDecimal quantity, BigDecimal costBasis, BigDecimal institutionPrice, BigDecimal value,
                       String currency, OffsetDateTime lastSyncedAt) {

        static HoldingView of(PlaidHolding holding) {
            return new HoldingView(holding.getPlaidAccountId(), holding.getSecurityId(), holding.getSymbol(),
                    holding.getSecurityName(), holding.getSecurityType(), holding.getQuantity(),
                    holding.getCostBasis(), holding.getInstitutionPrice(), holding.getValue(),
                    holding.getIsoCurrencyCode(), holding.getLastSyncedAt());
        }
    }

    /** The Link token, and whether the front end should show the local sandbox dialog instead of Plaid Link. */
    public record LinkTokenView(String linkToken, OffsetDateTime expiration, String source, boolean sandboxDialog) {
    }

    public record PublicTokenView(String publicToken) {
    }
}
