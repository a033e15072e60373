package com.finagent.persistence.portfolio;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

/** A holding of one symbol in one account, valued at the latest known price. */
@Entity
@Table(name = "positions")
public class Position extends Timestamped {

    @Id
    private UUID id;

    @NotNull
    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @NotNull
    @Size(min = 1, max = 10)
    @Pattern(regexp = "[A-Z0-9.\\-]+")
    @Column(nullable = false)
    private String symbol;

    @NotNull
    @Column(nullable = false, precision = 20, scale = 8)
    private BigDecimal quantity;

    @NotNull
    @Positive
    @Column(name = "average_cost", nullable = false, precision = 20, scale = 4)
    private BigDecimal averageCost;

    @Positive
    @Column(name = "current_price", precision = 20, scale = 4)
    private BigDecimal currentPrice;

    @Column(name = "market_value", precision = 20, scale = 2)
    private BigDecimal marketValue;

    @Column(name = "unrealized_pnl", precision = 20, scale = 2)
    private BigDecimal unrealizedPnl;

    /** Set for a position that mirrors a Plaid holding (and is replaced by each sync); null for manual ones. */
    @Column(name = "plaid_security_id")
    private String plaidSecurityId;

    protected Position() {
    }

    public Position(UUID accountId, String symbol, BigDecimal quantity, BigDecimal averageCost) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.symbol = symbol;
        this.quantity = quantity;
        this.averageCost = averageCost;
    }

    public static Position fromHolding(UUID accountId, String symbol, BigDecimal quantity, BigDecimal averageCost,
                                       String plaidSecurityId) {
        Position position = new Position(accountId, symbol, quantity, averageCost);
        position.plaidSecurityId = plaidSecurityId;
        return position;
    }

    /** Another buy of the same symbol: quantities add up, the average cost is weighted by quantity. */
    public void add(BigDecimal moreQuantity, BigDecimal price) {
        BigDecimal total = quantity.add(moreQuantity);
        this.averageCost = averageCost.multiply(quantity).add(price.multiply(moreQuantity))
                .divide(total, 4, RoundingMode.HALF_EVEN);
        this.quantity = total;
    }

    /** Sets the holding to what an account's activities add up to (quantity and FIFO average cost). */
    public void restate(BigDecimal heldQuantity, BigDecimal cost) {
        this.quantity = heldQuantity;
        this.averageCost = cost;
        if (currentPrice != null) {
            markToMarket(currentPrice);
        }
    }

    public String getPlaidSecurityId() {
        return plaidSecurityId;
    }

    /** Values the position at {@code price}: market value and unrealised P&L follow from it. */
    public void markToMarket(BigDecimal price) {
        this.currentPrice = price;
        this.marketValue = quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
        this.unrealizedPnl = price.subtract(averageCost).multiply(quantity).setScale(2, RoundingMode.HALF_EVEN);
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getAverageCost() {
        return averageCost;
    }

    public BigDecimal getCurrentPrice() {
        return currentPrice;
    }

    public BigDecimal getMarketValue() {
        return marketValue;
    }

    public BigDecimal getUnrealizedPnl() {
        return unrealizedPnl;
    }
}
