package com.finagent.persistence.plaid;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A transaction of a linked account, keyed by Plaid's transaction id so a re-sync never duplicates it. */
@Entity
@Table(name = "plaid_transactions")
public class PlaidTransaction {

    @Id
    private UUID id;

    @NotBlank
    @Column(name = "plaid_account_id", nullable = false)
    private String plaidAccountId;

    @NotBlank
    @Column(name = "plaid_transaction_id", nullable = false, unique = true)
    private String plaidTransactionId;

    @NotNull
    @Column(nullable = false, precision = 20, scale = 2)
    private BigDecimal amount;

    @NotNull
    @Column(name = "date", nullable = false)
    private LocalDate date;

    @NotBlank
    @Column(nullable = false)
    private String name;

    @Column(name = "merchant_name")
    private String merchantName;

    /** JSON array of category names, as Plaid sends it. */
    @Column(columnDefinition = "JSONB")
    private String category;

    private boolean pending;

    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected PlaidTransaction() {
    }

    public PlaidTransaction(String plaidAccountId, String plaidTransactionId) {
        this.id = UUID.randomUUID();
        this.plaidAccountId = plaidAccountId;
        this.plaidTransactionId = plaidTransactionId;
    }

    public void update(BigDecimal amount, LocalDate date, String name, String merchantName,
                       String categoryJson, boolean pending) {
        this.amount = amount;
        this.date = date;
        this.name = name;
        this.merchantName = merchantName;
        this.category = categoryJson;
        this.pending = pending;
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

    public String getPlaidTransactionId() {
        return plaidTransactionId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getName() {
        return name;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public String getCategory() {
        return category;
    }

    public boolean isPending() {
        return pending;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
