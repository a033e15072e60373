package com.finagent.plaid.sandbox;

import java.time.LocalDate;

/**
 * One transaction as the sandbox keeps it: compact (a 50 000-transaction item stays small) and immutable, so a
 * snapshot in the change log never changes. Amounts in cents with Plaid's sign: positive is money out.
 * The merchant key points into {@link SandboxData#MERCHANT_BY_KEY} for the enrichment fields.
 */
record SandboxTransaction(String transactionId, String accountId, long amountCents, LocalDate date,
                          LocalDate authorizedDate, String name, String merchantKey) {

    SandboxTransaction withAmount(long cents) {
        return new SandboxTransaction(transactionId, accountId, cents, date, authorizedDate, name, merchantKey);
    }

    SandboxData.Merchant merchant() {
        return SandboxData.MERCHANT_BY_KEY.get(merchantKey);
    }
}
