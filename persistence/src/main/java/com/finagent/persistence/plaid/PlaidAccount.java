package com.finagent.persistence.plaid;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

/** An account at a linked institution, with the balances of the last sync. */
@Entity
@Table(name = "plaid_accounts")
public class PlaidAccount {

    @Id
    private UUID id;

    @NotBlank
    @Column(name = "plaid_item_id", nullable = false)
    private String plaidItemId;

    @NotBlank
    @Column(name = "plaid_account_id", nullable = false, unique = true)
    private String plaidAccountId;

    @NotBlank
    @Column(name = "account_name", nullable = false)
    private String accountName;

    @NotNull
    @Column(name = "account_type", nullable = false)
    @Convert(converter = PlaidAccountType.JpaConverter.class)
    private PlaidAccountType accountType;

    @Column(name = "account_subtype")
    private String accountSubtype;

    @Column(name = "balance_available", precision = 20, scale = 2)
    private BigDecimal balanceAvailable;

    @Column(name = "balance_current", precision = 20, scale = 2)
    private BigDecimal balanceCurrent;

    @Column(name = "balance_limit", precision = 20, scale = 2)
    private BigDecimal balanceLimit;

    @Size(min = 3, max = 3)
    @Column(name = "iso_currency_code")
    private String isoCurrencyCode;

    @Column(name = "last_synced_at")
    private OffsetDateTime lastSyncedAt;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected PlaidAccount() {
    }

    public PlaidAccount(String plaidItemId, String plaidAccountId, String accountName,
                        PlaidAccountType accountType, String accountSubtype) {
        this.id = UUID.randomUUID();
        this.plaidItemId = plaidItemId;
        this.plaidAccountId = plaidAccountId;
        this.accountName = accountName;
        this.accountType = accountType;
        this.accountSubtype = accountSubtype;
    }

    public void updateBalances(BigDecimal available, BigDecimal current, BigDecimal limit, String isoCurrencyCode) {
        this.balanceAvailable = available;
        this.balanceCurrent = current;
        this.balanceLimit = limit;
        this.isoCurrencyCode = isoCurrencyCode;
        this.lastSyncedAt = Timestamps.now();
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
        if (lastSyncedAt == null) {
            lastSyncedAt = createdAt;
        }
    }

    public UUID getId() {
        return id;
    }

    public String getPlaidItemId() {
        return plaidItemId;
    }

    public String getPlaidAccountId() {
        return plaidAccountId;
    }

    public String getAccountName() {
        return accountName;
    }

    public PlaidAccountType getAccountType() {
        return accountType;
    }

    public String getAccountSubtype() {
        return accountSubtype;
    }

    public BigDecimal getBalanceAvailable() {
        return balanceAvailable;
    }

    public BigDecimal getBalanceCurrent() {
        return balanceCurrent;
    }

    public BigDecimal getBalanceLimit() {
        return balanceLimit;
    }

    public String getIsoCurrencyCode() {
        return isoCurrencyCode;
    }

    public OffsetDateTime getLastSyncedAt() {
        return lastSyncedAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
