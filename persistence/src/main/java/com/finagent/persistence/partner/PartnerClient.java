package com.finagent.persistence.partner;

import com.finagent.persistence.support.TextArrayConverter;
import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner system registered by an administrator: it authenticates as itself with a client id and a secret
 * (OAuth 2.0 client credentials) and may call the endpoints of its scopes. Revoking it is final.
 */
@Entity
@Table(name = "partner_clients")
@NamedQuery(name = PartnerClient.BY_CLIENT_ID, query = "SELECT c FROM PartnerClient c WHERE c.clientId = :clientId")
@NamedQuery(name = PartnerClient.ALL, query = "SELECT c FROM PartnerClient c ORDER BY c.createdAt DESC, c.clientId")
public class PartnerClient {

    public static final String BY_CLIENT_ID = "PartnerClient.byClientId";
    public static final String ALL = "PartnerClient.all";

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, unique = true, updatable = false)
    private String clientId;

    @Column(nullable = false)
    private String name;

    @Convert(converter = TextArrayConverter.class)
    @Column(nullable = false, columnDefinition = "TEXT[]")
    private List<String> scopes;

    @Column(name = "rate_limit_per_minute", nullable = false)
    private int rateLimitPerMinute;

    @Column(name = "owner_user_id", nullable = false, updatable = false)
    private UUID ownerUserId;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected PartnerClient() {
    }

    public PartnerClient(String clientId, String name, List<String> scopes, int rateLimitPerMinute, UUID ownerUserId,
                         UUID createdBy) {
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.name = Objects.requireNonNull(name, "name");
        this.scopes = List.copyOf(scopes);
        if (this.scopes.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one scope");
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("the rate limit must be positive");
        }
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.ownerUserId = Objects.requireNonNull(ownerUserId, "ownerUserId");
        this.createdBy = createdBy;
        this.createdAt = Timestamps.now();
    }

    /** Revokes the client; revoking a revoked client keeps the first time. */
    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Timestamps.now();
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public UUID getOwnerUserId() {
        return ownerUserId;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }
}
