package com.finagent.persistence.portfolio;

import com.finagent.persistence.support.Timestamped;
import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A brokerage or bank account inside a portfolio: entered by hand, or linked to a Plaid account. */
@Entity
@Table(name = "accounts")
public class Account extends Timestamped {

    @Id
    private UUID id;

    @NotNull
    @Column(name = "portfolio_id", nullable = false)
    private UUID portfolioId;

    @NotBlank
    @Size(max = 100)
    @Column(name = "broker_name", nullable = false)
    private String brokerName;

    @NotBlank
    @Size(max = 64)
    @Column(name = "account_number", nullable = false)
    private String accountNumber;

    @NotBlank
    @Size(max = 32)
    @Column(name = "account_type", nullable = false)
    private String accountType;

    @Column(name = "is_active")
    private boolean active = true;

    @Column(name = "plaid_account_id", unique = true)
    private String plaidAccountId;

    @Column(name = "plaid_item_id")
    private String plaidItemId;

    @Column(name = "last_synced_at")
    private OffsetDateTime lastSyncedAt;

    protected Account() {
    }

    public Account(UUID portfolioId, String brokerName, String accountNumber, String accountType) {
        this.id = UUID.randomUUID();
        this.portfolioId = Objects.requireNonNull(portfolioId, "portfolioId");
        this.brokerName = brokerName;
        this.accountNumber = accountNumber;
        this.accountType = accountType;
    }

    public void linkToPlaid(String plaidItemId, String plaidAccountId) {
        this.plaidItemId = plaidItemId;
        this.plaidAccountId = plaidAccountId;
    }

    public void markSynced() {
        this.lastSyncedAt = Timestamps.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getPortfolioId() {
        return portfolioId;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getAccountType() {
        return accountType;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getPlaidAccountId() {
        return plaidAccountId;
    }

    public String getPlaidItemId() {
        return plaidItemId;
    }

    public OffsetDateTime getLastSyncedAt() {
        return lastSyncedAt;
    }
}
