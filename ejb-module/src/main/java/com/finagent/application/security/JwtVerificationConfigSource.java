package com.finagent.application.security;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Tells MicroProfile JWT to verify tokens with the application's own signing key and issuer.
 * Its ordinal sits below environment variables and system properties, so a deployment that uses an
 * external identity provider overrides both keys there.
 */
public class JwtVerificationConfigSource implements ConfigSource {

    public static final String ISSUER = "finagent";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String ISSUER_KEY = "mp.jwt.verify.issuer";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, ISSUER_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, SigningKeys.publicKeyPem(), ISSUER_KEY, ISSUER);
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case PUBLIC_KEY -> SigningKeys.publicKeyPem();
            case ISSUER_KEY -> ISSUER;
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "finagent-jwt-signing-key";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
