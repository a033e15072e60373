package com.finagent.persistence.plaid;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;
import java.util.UUID;

/** A user's login at one institution, linked through Plaid. The access token is stored encrypted only. */
@Entity
@Table(name = "plaid_items")
@NamedQuery(name = PlaidItem.OWNED_BY, query = "SELECT i FROM PlaidItem i WHERE i.userId = :userId ORDER BY i.createdAt")
@NamedQuery(name = PlaidItem.BY_ID_AND_OWNER, query = "SELECT i FROM PlaidItem i WHERE i.id = :id AND i.userId = :userId")
public class PlaidItem extends Timestamped {

    public static final String OWNED_BY = "PlaidItem.ownedBy";
    public static final String BY_ID_AND_OWNER = "PlaidItem.byIdAndOwner";

    @Id
    private UUID id;

    @NotNull
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @NotBlank
    @Column(name = "plaid_item_id", nullable = false, unique = true)
    private String plaidItemId;

    @NotBlank
    @Column(name = "access_token_encrypted", nullable = false)
    private String accessTokenEncrypted;

    @NotBlank
    @Column(name = "institution_id", nullable = false)
    private String institutionId;

    @NotBlank
    @Column(name = "institution_name", nullable = false)
    private String institutionName;

    @NotNull
    @Convert(converter = ItemStatus.JpaConverter.class)
    private ItemStatus status = ItemStatus.ACTIVE;

    /** Where the next {@code /transactions/sync} continues; null before the first sync. */
    @Column(name = "transactions_cursor")
    private String transactionsCursor;

    /** Plaid's error code of the last failed sync (e.g. ITEM_LOGIN_REQUIRED), cleared by a good one. */
    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "last_synced_at")
    private java.time.OffsetDateTime lastSyncedAt;

    protected PlaidItem() {
    }

    public PlaidItem(UUID userId, String plaidItemId, String accessTokenEncrypted,
                     String institutionId, String institutionName) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId, "userId");
        this.plaidItemId = plaidItemId;
        this.accessTokenEncrypted = accessTokenEncrypted;
        this.institutionId = institutionId;
        this.institutionName = institutionName;
    }

    public void changeStatus(ItemStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /** A sync went through: the item is healthy again and continues from {@code cursor} next time. */
    public void synced(String cursor, java.time.OffsetDateTime at) {
        this.transactionsCursor = cursor;
        this.status = ItemStatus.ACTIVE;
        this.errorCode = null;
        this.errorMessage = null;
        this.lastSyncedAt = at;
    }

    /** Plaid refused the item until the user acts (e.g. logs in again); its data stays as it was. */
    public void failed(String errorCode, String errorMessage) {
        this.status = ItemStatus.ERROR;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public void replaceAccessToken(String accessTokenEncrypted) {
        this.accessTokenEncrypted = accessTokenEncrypted;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getPlaidItemId() {
        return plaidItemId;
    }

    public String getAccessTokenEncrypted() {
        return accessTokenEncrypted;
    }

    public String getInstitutionId() {
        return institutionId;
    }

    public String getInstitutionName() {
        return institutionName;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public String getTransactionsCursor() {
        return transactionsCursor;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public java.time.OffsetDateTime getLastSyncedAt() {
        return lastSyncedAt;
    }
}
