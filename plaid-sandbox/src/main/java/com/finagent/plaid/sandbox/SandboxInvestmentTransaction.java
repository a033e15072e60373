package com.finagent.plaid.sandbox;

import java.time.LocalDate;

/**
 * One investment transaction as the sandbox keeps it, with Plaid's signs: {@code quantity} positive for shares
 * bought, negative for shares sold; {@code amountCents} positive for cash leaving the account (a buy, a fee, a
 * withdrawal), negative for cash coming in (a sell, a dividend, a deposit). {@code security} is null for cash
 * movements that concern no security.
 */
record SandboxInvestmentTransaction(String investmentTransactionId, String accountId, SandboxData.Security security,
                                    LocalDate date, String name, double quantity, long amountCents,
                                    long priceCents, long feeCents, String type, String subtype) {
}
