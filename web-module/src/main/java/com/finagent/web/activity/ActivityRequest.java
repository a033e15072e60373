package com.finagent.web.activity;

import com.finagent.persistence.portfolio.ActivityType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One activity entered by hand. A buy or sell needs symbol, quantity and price; a split its symbol and ratio
 * (as quantity); income, fees, deposits and withdrawals an amount.
 */
public class ActivityRequest {

    @NotNull
    private UUID accountId;

    @NotNull
    private LocalDate date;

    @NotNull
    private ActivityType type;

    @Pattern(regexp = "[A-Za-z0-9.\\-]{1,10}", message = "must be a ticker symbol of 1 to 10 letters, digits, '.' or '-'")
    private String symbol;

    @PositiveOrZero
    @DecimalMax("1000000000")
    private BigDecimal quantity;

    @PositiveOrZero
    @DecimalMax("100000000")
    private BigDecimal price;

    @PositiveOrZero
    @DecimalMax("100000000000")
    private BigDecimal amount;

    @PositiveOrZero
    @DecimalMax("100000000")
    private BigDecimal fee;

    @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code such as USD")
    private String currency = "USD";

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public ActivityType getType() {
        return type;
    }

    public void setType(ActivityType type) {
        this.type = type;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public void setFee(BigDecimal fee) {
        this.fee = fee;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
