package com.finagent.persistence.plaid;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A security held in a linked investment account, as of the last sync. */
@Entity
@Table(name = "plaid_holdings")
public class PlaidHolding {

    @Id
    private UUID id;

    @NotBlank
    @Column(name = "plaid_account_id", nullable = false)
    private String plaidAccountId;

    @NotBlank
    @Column(name = "plaid_holding_id", nullable = false, unique = true)
    private String plaidHoldingId;

    @NotBlank
    @Column(name = "security_id", nullable = false)
    private String securityId;

    @Size(max = 10)
    private String symbol;

    @NotNull
    @Column(nullable = false, precision = 20, scale = 8)
    private BigDecimal quantity;

    @Column(name = "cost_basis", precision = 20, scale = 2)
    private BigDecimal costBasis;

    @NotNull
    @Column(nullable = false, precision = 20, scale = 2)
    private BigDecimal value;

    @Column(name = "iso_currency_code")
    private String isoCurrencyCode;

    @Column(name = "security_name")
    private String securityName;

    /** Plaid's security type: equity, etf, mutual fund, cash, fixed income, derivative, ... */
    @Column(name = "security_type")
    private String securityType;

    @Column(name = "institution_price", precision = 20, scale = 4)
    private BigDecimal institutionPrice;

    @Column(name = "last_synced_at")
    private OffsetDateTime lastSyncedAt;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected PlaidHolding() {
    }

    public PlaidHolding(String plaidAccountId, String plaidHoldingId, String securityId) {
        this.id = UUID.randomUUID();
        this.plaidAccountId = plaidAccountId;
        this.plaidHoldingId = plaidHoldingId;
        this.securityId = securityId;
    }

    public void describe(String securityName, String securityType, BigDecimal institutionPrice) {
        this.securityName = securityName;
        this.securityType = securityType;
        this.institutionPrice = institutionPrice;
    }

    public void update(String symbol, BigDecimal quantity, BigDecimal costBasis, BigDecimal value,
                       String isoCurrencyCode) {
        this.symbol = symbol;
        this.quantity = quantity;
        this.costBasis = costBasis;
        this.value = value;
        this.isoCurrencyCode = isoCurrencyCode;
        this.lastSyncedAt = Timestamps.now();
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
    }

    public UUID getId() {
        return id;
    }

    public String getPlaidAccountId() {
        return plaidAccountId;
    }

    public String getPlaidHoldingId() {
        return plaidHoldingId;
    }

    public String getSecurityId() {
        return securityId;
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getCostBasis() {
        return costBasis;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getIsoCurrencyCode() {
        return isoCurrencyCode;
    }

    public String getSecurityName() {
        return securityName;
    }

    public String getSecurityType() {
        return securityType;
    }

    public BigDecimal getInstitutionPrice() {
        return institutionPrice;
    }

    public OffsetDateTime getLastSyncedAt() {
        return lastSyncedAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
