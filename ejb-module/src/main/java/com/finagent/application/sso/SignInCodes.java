package com.finagent.application.sso;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One-time codes that carry a finished single sign-on from the sign-on module to the single-page app: valid once,
 * for a minute, in JCache (Payara's Hazelcast), so any instance of a cluster can redeem them.
 */
@ApplicationScoped
public class SignInCodes {

    private static final long LIFETIME_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CacheManager manager;

    private Cache<String, String> codes;

    @PostConstruct
    void open() {
        Cache<String, String> existing = manager.getCache("finagent-sign-in-codes", String.class, String.class);
        codes = existing != null ? existing : manager.createCache("finagent-sign-in-codes",
                new MutableConfiguration<String, String>()
                        .setTypes(String.class, String.class)
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                                new Duration(TimeUnit.SECONDS, LIFETIME_SECONDS)))
                        .setStatisticsEnabled(false));
    }

    /** A fresh code for the user, 256 random bits. */
    public String issue(UUID userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, userId.toString());
        return code;
    }

    /** The user of a code, removing it in the same step so that it cannot be redeemed twice. */
    public Optional<UUID> redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.getAndRemove(code)).map(UUID::fromString);
    }
}
