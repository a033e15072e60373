package com.finagent.application.plaid;

import com.finagent.application.market.MarketDataCache;
import com.finagent.application.ratelimit.Limit;
import com.finagent.application.ratelimit.RateLimiter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.plaid.client.model.JWKPublicKey;
import com.plaid.client.model.WebhookVerificationKeyGetRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.text.ParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys that sign Plaid's webhooks, by key id, as Plaid advises: fetched from {@code /webhook_verification_key/get}
 * once and kept. Unknown and expired ids are remembered too, and fetches of ids not yet seen are rate limited for
 * the whole cluster, so a stream of forged webhooks with made-up key ids cannot make us call Plaid for each. Both
 * caches are JCache (Payara's data grid), shared by every instance.
 */
@ApplicationScoped
public class PlaidWebhookKeys {

    /** A key never changes under its id; a day bounds how long a key Plaid has since expired stays trusted. */
    static final long KNOWN_TTL_SECONDS = 24 * 3600;
    static final long UNKNOWN_TTL_SECONDS = 3600;
    /** Plaid rotates keys rarely: a handful of new ids a minute is far more than genuine webhooks ever bring. */
    static final Limit NEW_KEY_FETCHES = Limit.perMinute("plaid-webhook-key-fetch", 5);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
    private static final String UNKNOWN = "";

    @Inject
    CacheManager manager;

    @Inject
    PlaidGateway plaid;

    @Inject
    RateLimiter rateLimiter;

    private Cache<String, String> known;
    private Cache<String, String> unknown;

    @PostConstruct
    void open() {
        known = MarketDataCache.cache(manager, "finagent-plaid-webhook-keys", String.class, KNOWN_TTL_SECONDS);
        unknown = MarketDataCache.cache(manager, "finagent-plaid-webhook-unknown-keys", String.class,
                UNKNOWN_TTL_SECONDS);
    }

    /** The current key with this id, if Plaid has one; empty for an unknown or expired id. */
    public Optional<ECKey> key(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches() || unknown.containsKey(keyId)) {
            return Optional.empty();
        }
        String cached = known.get(keyId);
        if (cached != null) {
            return parse(cached);
        }
        if (!rateLimiter.consume("all", NEW_KEY_FETCHES).allowed()) {
            return Optional.empty();
        }
        Optional<ECKey> fetched = fetch(keyId);
        if (fetched.isPresent()) {
            known.put(keyId, fetched.get().toJSONString());
        } else {
            unknown.put(keyId, UNKNOWN);
        }
        return fetched;
    }

    private Optional<ECKey> fetch(String keyId) {
        JWKPublicKey jwk;
        try {
            jwk = plaid.call(api -> api.webhookVerificationKeyGet(new WebhookVerificationKeyGetRequest().keyId(keyId)))
                    .getKey();
        } catch (PlaidException unknownKey) {
            return Optional.empty();
        }
        if (jwk == null || jwk.getExpiredAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new ECKey.Builder(Curve.parse(jwk.getCrv()), new Base64URL(jwk.getX()),
                new Base64URL(jwk.getY())).keyID(jwk.getKid()).build());
    }

    private static Optional<ECKey> parse(String json) {
        try {
            return Optional.of(ECKey.parse(json));
        } catch (ParseException corrupt) {
            return Optional.empty();
        }
    }
}
