package com.finagent.persistence.partner;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One secret of a partner client, stored as a hash. The current secret has no expiry; rotation gives the
 * previous ones an expiry at the end of the grace period, during which both authenticate.
 */
@Entity
@Table(name = "partner_client_secrets")
@NamedQuery(name = PartnerClientSecret.OF_CLIENT,
        query = "SELECT s FROM PartnerClientSecret s WHERE s.clientRef = :clientRef ORDER BY s.createdAt DESC")
public class PartnerClientSecret {

    public static final String OF_CLIENT = "PartnerClientSecret.ofClient";

    @Id
    private UUID id;

    @Column(name = "client_ref", nullable = false, updatable = false)
    private UUID clientRef;

    @Column(name = "secret_hash", nullable = false, updatable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected PartnerClientSecret() {
    }

    public PartnerClientSecret(UUID clientRef, String secretHash) {
        this.id = UUID.randomUUID();
        this.clientRef = Objects.requireNonNull(clientRef, "clientRef");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.createdAt = Timestamps.now();
    }

    /** Ends this secret's validity at {@code expiry} unless it already ends sooner. */
    public void expireBy(OffsetDateTime expiry) {
        if (expiresAt == null || expiresAt.isAfter(expiry)) {
            expiresAt = expiry;
        }
    }

    public boolean isValidAt(OffsetDateTime instant) {
        return expiresAt == null || expiresAt.isAfter(instant);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientRef() {
        return clientRef;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
