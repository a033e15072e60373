package com.finagent.web.portfolio;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.UUID;

/** A manual position: bought {@code quantity} of {@code symbol} at {@code averageCost}, in a manual account. */
public class PositionRequest {

    /** A manual account of the portfolio; without it the portfolio's "Manual" account is used. */
    private UUID accountId;

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9.\\-]{1,10}", message = "must be a ticker symbol of 1 to 10 letters, digits, '.' or '-'")
    private String symbol;

    @NotNull
    @Positive
    @DecimalMax("1000000000")
    private BigDecimal quantity;

    @NotNull
    @Positive
    @DecimalMax("100000000")
    private BigDecimal averageCost;

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
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

    public BigDecimal getAverageCost() {
        return averageCost;
    }

    public void setAverageCost(BigDecimal averageCost) {
        this.averageCost = averageCost;
    }
}
