package com.finagent.application.plaid;

import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;
import com.plaid.client.model.InvestmentTransaction;
import com.plaid.client.model.InvestmentTransactionSubtype;
import com.plaid.client.model.InvestmentTransactionType;
import com.plaid.client.model.Security;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plaid's investment transactions as our activities. Plaid's {@code amount} is positive for money leaving the
 * account (a buy, a fee, a withdrawal) and negative for money coming in (a sell, a dividend, a deposit); its
 * {@code quantity} is positive for shares bought and negative for shares sold. Our activities carry unsigned
 * amounts and quantities, the direction being their type:
 *
 * <table>
 *   <caption>Plaid's type and subtype to an activity</caption>
 *   <tr><th>Plaid</th><th>activity</th></tr>
 *   <tr><td>{@code buy} (any subtype: buy, buy to cover, contribution, dividend or interest reinvestment, ...)</td>
 *       <td>BUY of |quantity| at price, fee = fees</td></tr>
 *   <tr><td>{@code sell} (any subtype: sell, sell short, distribution, exercise)</td>
 *       <td>SELL of |quantity| at price, fee = fees</td></tr>
 *   <tr><td>{@code cash}/{@code fee} with dividend, qualified dividend, non-qualified dividend, long-term or
 *       short-term capital gain, unqualified gain, money in</td><td>DIVIDEND of -amount, naming the security</td></tr>
 *   <tr><td>{@code cash}/{@code fee} with interest, interest receivable, money in</td><td>INTEREST of -amount</td></tr>
 *   <tr><td>{@code cash}/{@code fee} with a fee, tax or expense subtype (account, legal, management, transfer,
 *       trust, fund, miscellaneous fee; margin expense; tax, tax withheld, non-resident tax), money out</td>
 *       <td>FEE of amount</td></tr>
 *   <tr><td>{@code fee} with any other subtype, money out</td><td>FEE of amount</td></tr>
 *   <tr><td>{@code cash} with deposit, contribution, withdrawal, distribution, transfer, send or request;
 *       {@code transfer} of cash (no security, or a cash equivalent)</td>
 *       <td>DEPOSIT of -amount when money comes in, WITHDRAWAL of amount when it goes out</td></tr>
 *   <tr><td>{@code transfer}/split (Plaid gives the new shares)</td>
 *       <td>SPLIT with ratio (held + new) / held</td></tr>
 *   <tr><td>anything else: {@code cancel}, shares moving without a trade (merger, spin off, stock distribution,
 *       exercise, assignment, expiry, share transfers), a trade of a security without a ticker or of a cash
 *       equivalent, a currency that is not ISO, a refund of a fee</td><td>left out, with the reason</td></tr>
 * </table>
 *
 * <p>A trade's cash is its quantity times its price plus or minus its fees, as the ledger computes it; Plaid's
 * amount carries the same value. Each activity keeps Plaid's {@code investment_transaction_id} as its external id,
 * which a unique index makes a second sync add nothing.
 */
public final class InvestmentActivities {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,10}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private static final Set<InvestmentTransactionSubtype> DIVIDENDS = EnumSet.of(
            InvestmentTransactionSubtype.DIVIDEND, InvestmentTransactionSubtype.QUALIFIED_DIVIDEND,
            InvestmentTransactionSubtype.NON_QUALIFIED_DIVIDEND, InvestmentTransactionSubtype.LONG_TERM_CAPITAL_GAIN,
            InvestmentTransactionSubtype.SHORT_TERM_CAPITAL_GAIN, InvestmentTransactionSubtype.UNQUALIFIED_GAIN);
    private static final Set<InvestmentTransactionSubtype> INTEREST = EnumSet.of(
            InvestmentTransactionSubtype.INTEREST, InvestmentTransactionSubtype.INTEREST_RECEIVABLE);
    private static final Set<InvestmentTransactionSubtype> FEES = EnumSet.of(
            InvestmentTransactionSubtype.ACCOUNT_FEE, InvestmentTransactionSubtype.LEGAL_FEE,
            InvestmentTransactionSubtype.MANAGEMENT_FEE, InvestmentTransactionSubtype.MARGIN_EXPENSE,
            InvestmentTransactionSubtype.TRANSFER_FEE, InvestmentTransactionSubtype.TRUST_FEE,
            InvestmentTransactionSubtype.FUND_FEE, InvestmentTransactionSubtype.MISCELLANEOUS_FEE,
            InvestmentTransactionSubtype.TAX, InvestmentTransactionSubtype.TAX_WITHHELD,
            InvestmentTransactionSubtype.NON_RESIDENT_TAX);
    private static final Set<InvestmentTransactionSubtype> CASH_MOVEMENTS = EnumSet.of(
            InvestmentTransactionSubtype.DEPOSIT, InvestmentTransactionSubtype.CONTRIBUTION,
            InvestmentTransactionSubtype.WITHDRAWAL, InvestmentTransactionSubtype.DISTRIBUTION,
            InvestmentTransactionSubtype.TRANSFER, InvestmentTransactionSubtype.SEND,
            InvestmentTransactionSubtype.REQUEST);

    private InvestmentActivities() {
    }

    /**
     * One activity of a Plaid account, before it is given the portfolio account that holds that Plaid account.
     * Quantities, prices and amounts are unsigned, at the scales of the activities table.
     */
    public record Row(String plaidAccountId, String investmentTransactionId, LocalDate date, ActivityType type,
                      String symbol, BigDecimal quantity, BigDecimal price, BigDecimal amount, BigDecimal fee,
                      String currency) implements Outcome {

        /** The activity of portfolio account {@code accountId}. */
        public Activity toActivity(UUID accountId) {
            Activity activity = switch (type) {
                case BUY, SELL -> Activity.trade(accountId, date, type, symbol, quantity, price, fee, currency,
                        Activity.Source.PLAID);
                case SPLIT -> Activity.split(accountId, date, symbol, quantity, currency, Activity.Source.PLAID);
                default -> Activity.cash(accountId, date, type, symbol, amount, currency, Activity.Source.PLAID);
            };
            return activity.withExternalId(investmentTransactionId);
        }
    }

    /** A transaction left out, and why. */
    public record Skipped(String investmentTransactionId, String reason) implements Outcome {
    }

    /** What became of one transaction. */
    public sealed interface Outcome permits Row, Skipped {
    }

    public record Mapped(List<Row> rows, List<Skipped> skipped) {
    }

    /**
     * Maps {@code transactions} (in Plaid's order, newest first) with the securities they name, oldest first. A
     * split's ratio needs the shares held before it, so the rows are built in date order, counting shares as the
     * trades before it leave them.
     */
    public static Mapped map(List<InvestmentTransaction> transactions, Map<String, Security> securities) {
        List<InvestmentTransaction> oldestFirst = new ArrayList<>(transactions);
        Collections.reverse(oldestFirst);
        oldestFirst.sort(Comparator.comparing(InvestmentTransaction::getDate));
        Map<String, BigDecimal> held = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (InvestmentTransaction transaction : oldestFirst) {
            Security security = transaction.getSecurityId() == null ? null
                    : securities.get(transaction.getSecurityId());
            Outcome outcome = outcome(transaction, security, held);
            if (outcome instanceof Row row) {
                rows.add(row);
                String key = row.plaidAccountId() + "/" + row.symbol();
                switch (row.type()) {
                    case BUY -> held.merge(key, row.quantity(), BigDecimal::add);
                    case SELL -> held.merge(key, row.quantity().negate(), BigDecimal::add);
                    case SPLIT -> held.computeIfPresent(key, (k, shares) -> shares.multiply(row.quantity()));
                    default -> {
                    }
                }
            } else {
                skipped.add((Skipped) outcome);
            }
        }
        return new Mapped(List.copyOf(rows), List.copyOf(skipped));
    }

    /** The row of one transaction, or the reason it is left out. */
    private static Outcome outcome(InvestmentTransaction transaction, Security security,
                                   Map<String, BigDecimal> held) {
        String currency = transaction.getIsoCurrencyCode();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            return skip(transaction, "no ISO currency code");
        }
        if (transaction.getDate() == null || transaction.getAmount() == null) {
            return skip(transaction, "no date or amount");
        }
        InvestmentTransactionType type = transaction.getType();
        InvestmentTransactionSubtype subtype = transaction.getSubtype();
        BigDecimal amount = BigDecimal.valueOf(transaction.getAmount()).setScale(2, RoundingMode.HALF_EVEN);
        boolean moneyIn = amount.signum() < 0;
        boolean cashOnly = security == null || Boolean.TRUE.equals(security.getIsCashEquivalent());
        String symbol = symbol(security);
        if (type == InvestmentTransactionType.BUY || type == InvestmentTransactionType.SELL) {
            if (cashOnly || symbol == null) {
                return skip(transaction, cashOnly ? "a trade of cash or a cash equivalent"
                        : "a security without a usable ticker");
            }
            BigDecimal quantity = transaction.getQuantity() == null ? BigDecimal.ZERO
                    : BigDecimal.valueOf(transaction.getQuantity()).abs().setScale(8, RoundingMode.HALF_EVEN);
            if (quantity.signum() == 0 || transaction.getPrice() == null || transaction.getPrice() < 0) {
                return skip(transaction, "a trade without shares or a price");
            }
            BigDecimal price = BigDecimal.valueOf(transaction.getPrice()).setScale(6, RoundingMode.HALF_EVEN);
            BigDecimal fee = transaction.getFees() == null ? BigDecimal.ZERO
                    : BigDecimal.valueOf(transaction.getFees()).abs().setScale(2, RoundingMode.HALF_EVEN);
            ActivityType activity = type == InvestmentTransactionType.BUY ? ActivityType.BUY : ActivityType.SELL;
            return row(transaction, activity, symbol, quantity, price, null, fee, currency);
        }
        if (type == InvestmentTransactionType.CASH || type == InvestmentTransactionType.FEE) {
            if (DIVIDENDS.contains(subtype)) {
                return moneyIn ? row(transaction, ActivityType.DIVIDEND, symbol, null, null, amount.negate(), null,
                        currency) : skip(transaction, "a dividend paid out");
            }
            if (INTEREST.contains(subtype)) {
                return moneyIn ? row(transaction, ActivityType.INTEREST, symbol, null, null, amount.negate(), null,
                        currency) : skip(transaction, "interest paid out");
            }
            if (FEES.contains(subtype) || type == InvestmentTransactionType.FEE) {
                return moneyIn ? skip(transaction, "a refunded fee")
                        : row(transaction, ActivityType.FEE, symbol, null, null, amount, null, currency);
            }
            if (CASH_MOVEMENTS.contains(subtype)) {
                return cashMovement(transaction, amount, currency);
            }
            return skip(transaction, "cash activity of subtype " + subtypeName(subtype));
        }
        if (type == InvestmentTransactionType.TRANSFER) {
            if (subtype == InvestmentTransactionSubtype.SPLIT && symbol != null && transaction.getQuantity() != null) {
                BigDecimal before = held.getOrDefault(transaction.getAccountId() + "/" + symbol, BigDecimal.ZERO);
                if (before.signum() <= 0) {
                    return skip(transaction, "a split of shares not held");
                }
                BigDecimal ratio = before.add(BigDecimal.valueOf(transaction.getQuantity()))
                        .divide(before, 8, RoundingMode.HALF_EVEN);
                return ratio.signum() > 0 ? row(transaction, ActivityType.SPLIT, symbol, ratio, null, null, null,
                        currency) : skip(transaction, "a split that leaves no shares");
            }
            if (cashOnly) {
                return cashMovement(transaction, amount, currency);
            }
            return skip(transaction, "shares moved without a trade (" + subtypeName(subtype) + ")");
        }
        return skip(transaction, "a transaction of type " + (type == null ? "none" : type.getValue()));
    }

    private static Outcome cashMovement(InvestmentTransaction transaction, BigDecimal amount, String currency) {
        if (amount.signum() == 0) {
            return skip(transaction, "no money moved");
        }
        return amount.signum() < 0
                ? row(transaction, ActivityType.DEPOSIT, null, null, null, amount.negate(), null, currency)
                : row(transaction, ActivityType.WITHDRAWAL, null, null, null, amount, null, currency);
    }

    private static Skipped skip(InvestmentTransaction transaction, String reason) {
        return new Skipped(transaction.getInvestmentTransactionId(), reason);
    }

    private static Row row(InvestmentTransaction transaction, ActivityType type, String symbol, BigDecimal quantity,
                           BigDecimal price, BigDecimal amount, BigDecimal fee, String currency) {
        return new Row(transaction.getAccountId(), transaction.getInvestmentTransactionId(), transaction.getDate(),
                type, symbol, quantity, price, amount, fee == null ? BigDecimal.ZERO.setScale(2) : fee, currency);
    }

    private static String symbol(Security security) {
        if (security == null || security.getTickerSymbol() == null) {
            return null;
        }
        String ticker = security.getTickerSymbol().trim().toUpperCase(Locale.ROOT);
        return SYMBOL.matcher(ticker).matches() ? ticker : null;
    }

    private static String subtypeName(InvestmentTransactionSubtype subtype) {
        return subtype == null ? "none" : subtype.getValue();
    }
}
