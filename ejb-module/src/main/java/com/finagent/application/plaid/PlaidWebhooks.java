package com.finagent.application.plaid;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataCache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Plaid's webhooks, verified as Plaid specifies: the {@code Plaid-Verification} header is a JWT signed with
 * ES256 by a key fetched from {@code /webhook_verification_key/get} by its {@code kid}; it must be at most five
 * minutes old and carry the SHA-256 of the exact body, and it is accepted once. A verified transactions or holdings update queues a sync
 * of the item (any instance runs it); an item error marks the item for its user.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaidWebhooks {

    private static final Logger LOG = Logger.getLogger(PlaidWebhooks.class.getName());
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How far ahead of our clock a webhook's issue time may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Set<String> SYNC_TRIGGERS = Set.of("SYNC_UPDATES_AVAILABLE", "DEFAULT_UPDATE",
            "INITIAL_UPDATE", "HISTORICAL_UPDATE", "TRANSACTIONS_REMOVED");

    @Inject
    PlaidWebhookKeys keys;

    @Inject
    CacheManager cacheManager;

    @EJB
    PlaidItemDirectory directory;

    @EJB
    PlaidSyncJobs jobs;

    @EJB
    PlaidStore store;

    Clock clock = Clock.systemUTC();

    /** What was done with a webhook, for the log and the response. */
    public record Receipt(String webhookType, String webhookCode, String action) {
    }

    public Receipt receive(String body, String verification) {
        verify(body, verification, kid -> keys.key(kid).orElse(null), clock.instant());
        if (!firstSighting(verification)) {
            throw rejected("this webhook was already received");
        }
        JsonObject webhook = Json.createReader(new StringReader(body)).readObject();
        String type = webhook.getString("webhook_type", "");
        String code = webhook.getString("webhook_code", "");
        String plaidItemId = webhook.getString("item_id", "");
        var item = directory.byPlaidItemId(plaidItemId);
        if (item.isEmpty()) {
            return new Receipt(type, code, "ignored: unknown item");
        }
        if (("TRANSACTIONS".equals(type) || "HOLDINGS".equals(type)) && SYNC_TRIGGERS.contains(code)) {
            try {
                jobs.enqueue(item.get().userId(), item.get().itemId());
            } catch (RuntimeException e) {
                LOG.info(() -> "Sync after webhook for item " + item.get().itemId() + " not queued: " + e.getMessage());
                return new Receipt(type, code, "sync not queued; the scheduled sync catches up");
            }
            return new Receipt(type, code, "sync started");
        }
        if ("ITEM".equals(type) && "ERROR".equals(code) && webhook.get("error") instanceof JsonObject error) {
            store.markFailed(item.get().userId(), item.get().itemId(), error.getString("error_code", "ITEM_ERROR"),
                    error.getString("display_message", error.getString("error_message", "")));
            return new Receipt(type, code, "item marked in error");
        }
        return new Receipt(type, code, "ignored");
    }

    /** Checks a webhook's signature, age and body hash; a failure is a 401 that says which check failed. */
    static void verify(String body, String verification, java.util.function.Function<String, ECKey> keys, Instant now) {
        if (verification == null || verification.isBlank()) {
            throw rejected("the Plaid-Verification header is missing");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(verification);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw rejected("the verification token must be signed with ES256");
            }
            String kid = jwt.getHeader().getKeyID();
            ECKey key = kid == null ? null : keys.apply(kid);
            if (key == null || !jwt.verify(new ECDSAVerifier(key))) {
                throw rejected("the signature does not verify");
            }
            var issuedAt = jwt.getJWTClaimsSet().getIssueTime();
            if (issuedAt == null || Duration.between(issuedAt.toInstant(), now).compareTo(MAX_AGE) > 0
                    || issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw rejected("the verification token is older than five minutes");
            }
            String claimed = jwt.getJWTClaimsSet().getStringClaim("request_body_sha256");
            byte[] actual = sha256Hex(body).getBytes(StandardCharsets.US_ASCII);
            if (claimed == null || !MessageDigest.isEqual(actual, claimed.getBytes(StandardCharsets.US_ASCII))) {
                throw rejected("the body does not match the signed hash");
            }
        } catch (ParseException | JOSEException e) {
            throw rejected("the verification token is malformed");
        }
    }

    /**
     * Whether this verified webhook arrives for the first time. Its signed token is remembered, cluster-wide, for as
     * long as it would pass the age check, so a captured genuine webhook cannot be played again within its five
     * minutes. JCache's putIfAbsent is atomic, so of two instances receiving the same token only one accepts it.
     */
    private boolean firstSighting(String verification) {
        Cache<String, String> seen = MarketDataCache.cache(cacheManager, "finagent-plaid-webhooks-seen", String.class,
                MAX_AGE.plus(CLOCK_SKEW).toSeconds());
        return seen.putIfAbsent(sha256Hex(verification), "");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static FinAgentException rejected(String why) {
        return new FinAgentException(ErrorType.AUTHENTICATION, 401, "Webhook rejected: " + why, List.of(), null);
    }
}
