package com.finagent.persistence.portfolio;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing that happened in an account: a buy, a sell, income, a fee, a split or cash moving in or out.
 * The constructor refuses an activity that lacks what its type needs, so the ledger that replays activities
 * never meets a buy without a price or a dividend without an amount.
 */
@Entity
@Table(name = "activities")
@NamedQuery(name = Activity.OF_ACCOUNTS,
        query = "SELECT a FROM Activity a WHERE a.accountId IN :accountIds ORDER BY a.tradeDate, a.createdAt")
public class Activity extends Timestamped {

    public static final String OF_ACCOUNTS = "Activity.ofAccounts";

    /** Where an activity came from. */
    public enum Source { MANUAL, CSV, PLAID }

    @Id
    private UUID id;

    @NotNull
    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @NotNull
    @Column(name = "trade_date", nullable = false)
    private LocalDate tradeDate;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Pattern(regexp = "[A-Z0-9.\\-]{1,10}")
    private String symbol;

    @Column(precision = 20, scale = 8)
    private BigDecimal quantity;

    @Column(precision = 20, scale = 6)
    private BigDecimal price;

    @Column(precision = 20, scale = 2)
    private BigDecimal amount;

    @NotNull
    @Column(nullable = false, precision = 20, scale = 2)
    private BigDecimal fee;

    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    @Column(nullable = false, length = 3)
    private String currency;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "external_id")
    private String externalId;

    protected Activity() {
    }

    private Activity(UUID accountId, LocalDate tradeDate, ActivityType type, String symbol, BigDecimal quantity,
                     BigDecimal price, BigDecimal amount, BigDecimal fee, String currency, Source source) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.tradeDate = Objects.requireNonNull(tradeDate, "tradeDate");
        this.type = Objects.requireNonNull(type, "type");
        this.symbol = symbol;
        this.quantity = quantity;
        this.price = price;
        this.amount = amount;
        this.fee = fee == null ? BigDecimal.ZERO : fee;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.source = Objects.requireNonNull(source, "source");
        requireWhatTheTypeNeeds();
    }

    /** A buy or sell of {@code quantity} shares at {@code price}, with the broker's fee. */
    public static Activity trade(UUID accountId, LocalDate date, ActivityType type, String symbol,
                                 BigDecimal quantity, BigDecimal price, BigDecimal fee, String currency,
                                 Source source) {
        if (type != ActivityType.BUY && type != ActivityType.SELL) {
            throw new IllegalArgumentException("a trade is a BUY or a SELL, not " + type);
        }
        return new Activity(accountId, date, type, symbol, quantity, price, null, fee, currency, source);
    }

    /** A split giving {@code ratio} new shares for each old one. */
    public static Activity split(UUID accountId, LocalDate date, String symbol, BigDecimal ratio, String currency,
                                 Source source) {
        return new Activity(accountId, date, ActivityType.SPLIT, symbol, ratio, null, null, null, currency, source);
    }

    /** Income, a fee or cash moving in or out; {@code symbol} names the paying security of a dividend, if known. */
    public static Activity cash(UUID accountId, LocalDate date, ActivityType type, String symbol, BigDecimal amount,
                                String currency, Source source) {
        if (type.tradesShares()) {
            throw new IllegalArgumentException(type + " is not a cash activity");
        }
        return new Activity(accountId, date, type, symbol, null, null, amount, null, currency, source);
    }

    /** Marks the activity with its source's own id, which makes a repeated import of it a no-op. */
    public Activity withExternalId(String sourceId) {
        this.externalId = sourceId;
        return this;
    }

    /** The largest values the columns hold (DECIMAL(20, 8), (20, 6) and (20, 2)): larger ones are refused here. */
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1e12");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1e14");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e18");

    private void requireWhatTheTypeNeeds() {
        requireAtMost(quantity, MAX_QUANTITY, "quantity");
        requireAtMost(price, MAX_PRICE, "price");
        requireAtMost(amount, MAX_AMOUNT, "amount");
        requireAtMost(fee, MAX_AMOUNT, "fee");
        if (type.tradesShares()) {
            require(symbol != null, "symbol");
            require(quantity != null && quantity.signum() > 0, "quantity (more than zero)");
            if (type != ActivityType.SPLIT) {
                require(price != null && price.signum() >= 0, "price (zero or more)");
            }
        } else {
            require(amount != null && amount.signum() >= 0, "amount (zero or more)");
        }
        require(fee.signum() >= 0, "fee (zero or more)");
    }

    private void requireAtMost(BigDecimal value, BigDecimal limit, String what) {
        if (value != null && value.abs().compareTo(limit) >= 0) {
            throw new IllegalArgumentException("a " + type + " " + what + " must be below "
                    + limit.toPlainString());
        }
    }

    private void require(boolean present, String what) {
        if (!present) {
            throw new IllegalArgumentException("a " + type + " needs a " + what);
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public LocalDate getTradeDate() {
        return tradeDate;
    }

    public ActivityType getType() {
        return type;
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public String getCurrency() {
        return currency;
    }

    public Source getSource() {
        return source;
    }

    public String getExternalId() {
        return externalId;
    }
}
