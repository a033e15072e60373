package com.finagent.application.partner;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.security.AccessToken;
import com.finagent.application.security.PasswordPolicy;
import com.finagent.application.security.TokenIssuer;
import com.finagent.persistence.partner.PartnerClient;
import com.finagent.persistence.partner.PartnerClientSecret;
import com.finagent.persistence.support.Timestamps;
import com.finagent.persistence.user.AppUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partner clients: an administrator registers, rotates and revokes them; a client exchanges its id and secret
 * for a short-lived access token of its scopes (OAuth 2.0 client credentials, RFC 6749 section 4.4).
 */
@Stateless
public class PartnerClientService {

    /** The longest grace period a rotation may give the previous secret. */
    public static final Duration MAX_GRACE = Duration.ofDays(30);

    @PersistenceContext(unitName = "finagent")
    private EntityManager entityManager;

    @Inject
    private TokenIssuer tokenIssuer;

    @Inject
    private PasswordPolicy passwordPolicy;

    @Inject
    @ConfigProperty(name = "finagent.partner.token-lifetime", defaultValue = "PT15M")
    private Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "finagent.partner.secret-grace", defaultValue = "PT24H")
    private Duration defaultGrace;

    /** Registers a client with its own account (which owns what the client creates) and its first secret. */
    public ClientRegistration register(String name, List<String> scopeNames, int rateLimitPerMinute, UUID adminId) {
        List<String> scopes = validScopes(scopeNames);
        String clientId = ClientSecrets.newClientId();
        AppUser account = AppUser.partnerAccount("partner-" + UUID.randomUUID() + "@partners.finagent.invalid",
                name.strip(), passwordPolicy.hash(ClientSecrets.newSecret()));
        entityManager.persist(account);
        // The rows are linked by id, not by a mapped relationship, so JPA does not order the inserts itself.
        entityManager.flush();
        PartnerClient client = new PartnerClient(clientId, name.strip(), scopes, rateLimitPerMinute, account.getId(),
                adminId);
        entityManager.persist(client);
        entityManager.flush();
        String secret = ClientSecrets.newSecret();
        entityManager.persist(new PartnerClientSecret(client.getId(), ClientSecrets.hash(secret)));
        return new ClientRegistration(client, secret);
    }

    public List<PartnerClient> list() {
        return entityManager.createNamedQuery(PartnerClient.ALL, PartnerClient.class).getResultList();
    }

    public PartnerClient get(String clientId) {
        return find(clientId).orElseThrow(() -> FinAgentException.notFound("Partner client", clientId));
    }

    /**
     * Issues a new secret. The previous ones keep working for {@code grace} (the configured default when
     * null; zero ends them now), so a partner can deploy the new secret without an outage.
     */
    public ClientRegistration rotate(String clientId, Duration grace) {
        Duration effective = grace == null ? defaultGrace : grace;
        if (effective.isNegative() || effective.compareTo(MAX_GRACE) > 0) {
            throw FinAgentException.invalidField("graceSeconds", "must be 0 to " + MAX_GRACE.toSeconds());
        }
        PartnerClient client = get(clientId);
        entityManager.lock(client, LockModeType.PESSIMISTIC_WRITE);
        if (client.isRevoked()) {
            throw new FinAgentException(ErrorType.CONFLICT, "Partner client " + clientId + " is revoked");
        }
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime end = now.plus(effective);
        for (PartnerClientSecret previous : secretsOf(client)) {
            if (previous.isValidAt(now)) {
                previous.expireBy(end);
            } else {
                entityManager.remove(previous);
            }
        }
        String secret = ClientSecrets.newSecret();
        entityManager.persist(new PartnerClientSecret(client.getId(), ClientSecrets.hash(secret)));
        return new ClientRegistration(client, secret);
    }

    /** Revokes a client: no new tokens, and the tokens it holds stop working on their next request. */
    public PartnerClient revoke(String clientId) {
        PartnerClient client = get(clientId);
        client.revoke();
        return client;
    }

    /** When the newest secret that a rotation retired stops working, if one still works. */
    public Optional<OffsetDateTime> previousSecretExpiry(PartnerClient client) {
        OffsetDateTime now = Timestamps.now();
        return secretsOf(client).stream().filter(secret -> secret.getExpiresAt() != null && secret.isValidAt(now))
                .map(PartnerClientSecret::getExpiresAt).max(OffsetDateTime::compareTo);
    }

    /**
     * The client-credentials grant: authenticates the client by id and secret and issues a token for the
     * requested scopes (all of the client's scopes when none are asked for).
     */
    public AccessToken grant(String clientId, String secret, String requestedScope) {
        PartnerClient client = authenticate(clientId, secret);
        List<String> scopes = grantedScopes(client, requestedScope);
        return tokenIssuer.issueForClient(client.getClientId(), scopes, tokenLifetime);
    }

    /** Authenticates a client without issuing anything, for a grant type it may not use. */
    public PartnerClient authenticate(String clientId, String secret) {
        Optional<PartnerClient> client = find(clientId).filter(found -> !found.isRevoked());
        OffsetDateTime now = Timestamps.now();
        boolean matches = secret != null && client.stream().flatMap(found -> secretsOf(found).stream())
                .filter(stored -> stored.isValidAt(now))
                .anyMatch(stored -> ClientSecrets.matches(secret, stored.getSecretHash()));
        if (!matches) {
            throw new TokenRequestException(TokenRequestException.Error.INVALID_CLIENT,
                    "Client authentication failed: unknown client, wrong secret or revoked client");
        }
        return client.orElseThrow();
    }

    /**
     * The client a token names, if it is not revoked: read from the database on every request (one indexed
     * row; the shared JPA cache is off), so a revocation takes effect at once on every node of a cluster.
     */
    public Optional<ActiveClient> active(String clientId) {
        return find(clientId).filter(client -> !client.isRevoked())
                .map(client -> new ActiveClient(client.getClientId(), client.getOwnerUserId(),
                        client.getRateLimitPerMinute()));
    }

    private List<String> grantedScopes(PartnerClient client, String requestedScope) {
        if (requestedScope == null || requestedScope.isBlank()) {
            return client.getScopes();
        }
        Set<String> requested = new LinkedHashSet<>(List.of(requestedScope.strip().split(" +")));
        List<String> granted = new ArrayList<>();
        for (String scope : requested) {
            if (Scope.parse(scope).isEmpty()) {
                throw new TokenRequestException(TokenRequestException.Error.INVALID_SCOPE, "Unknown scope: " + scope);
            }
            if (!client.getScopes().contains(scope)) {
                throw new TokenRequestException(TokenRequestException.Error.INVALID_SCOPE,
                        "This client may not request the scope " + scope);
            }
            granted.add(scope);
        }
        return granted;
    }

    private static List<String> validScopes(List<String> scopeNames) {
        if (scopeNames == null || scopeNames.isEmpty()) {
            throw FinAgentException.invalidField("scopes", "give at least one scope");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : scopeNames) {
            Scope scope = Scope.parse(name).orElseThrow(() -> FinAgentException.invalidField("scopes",
                    "unknown scope '" + name + "'; known: " + String.join(", ", knownScopes())));
            scopes.add(scope.value());
        }
        return List.copyOf(scopes);
    }

    private static List<String> knownScopes() {
        return Arrays.stream(Scope.values()).map(Scope::value).toList();
    }

    private Optional<PartnerClient> find(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        return entityManager.createNamedQuery(PartnerClient.BY_CLIENT_ID, PartnerClient.class)
                .setParameter("clientId", clientId).getResultStream().findFirst();
    }

    private List<PartnerClientSecret> secretsOf(PartnerClient client) {
        return entityManager.createNamedQuery(PartnerClientSecret.OF_CLIENT, PartnerClientSecret.class)
                .setParameter("clientRef", client.getId()).getResultList();
    }
}
