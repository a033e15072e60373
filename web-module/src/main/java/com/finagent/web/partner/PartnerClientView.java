package com.finagent.web.partner;

import com.finagent.persistence.partner.PartnerClient;

import java.time.OffsetDateTime;
import java.util.List;

/** A partner client as administrators see it; never its secret. */
public record PartnerClientView(String clientId, String name, List<String> scopes, int rateLimitPerMinute,
                                String status, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                                OffsetDateTime previousSecretExpiresAt) {

    static PartnerClientView of(PartnerClient client, OffsetDateTime previousSecretExpiresAt) {
        return new PartnerClientView(client.getClientId(), client.getName(), client.getScopes(),
                client.getRateLimitPerMinute(), client.isRevoked() ? "revoked" : "active", client.getCreatedAt(),
                client.getRevokedAt(), previousSecretExpiresAt);
    }
}
