package com.finagent.persistence.plaid;

import com.finagent.persistence.support.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;
import java.util.UUID;

/** A user's login at one institution, linked through Plaid. The access token is stored encrypted only. */
@Entity
@Table(name = "plaid_items")
public class PlaidItem extends Timestamped {

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
}
