package com.finagent.application.plaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one sync fetched from Plaid for an item, in our terms, ready to be applied in one database
 * transaction. {@code holdings} is null when the item has no investment product (leave holdings as they are);
 * {@code investmentActivities} are the activities its investment transactions give (empty without them).
 */
record SyncBatch(List<AccountRow> accounts, List<TransactionRow> upserts, List<String> removedTransactionIds,
                 List<HoldingRow> holdings, List<InvestmentActivities.Row> investmentActivities, String startCursor,
                 String nextCursor, int added, int modified) {

    record AccountRow(String plaidAccountId, String name, String type, String subtype, BigDecimal available,
                      BigDecimal current, BigDecimal limit, String currency) {
    }

    record TransactionRow(String plaidTransactionId, String plaidAccountId, BigDecimal amount, LocalDate date,
                          String name, String merchantName, String categoryJson, boolean pending) {
    }

    record HoldingRow(String plaidAccountId, String securityId, String symbol, String securityName,
                      String securityType, String sector, String industry, BigDecimal quantity, BigDecimal costBasis,
                      BigDecimal value, BigDecimal price, String currency) {
    }
}
