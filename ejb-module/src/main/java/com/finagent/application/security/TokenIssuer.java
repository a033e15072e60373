package com.finagent.application.security;

import com.finagent.persistence.user.AppUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs MicroProfile JWT access tokens (RS256): for local accounts, and for partner clients (OAuth 2.0 client
 * credentials), whose tokens name the client in {@code sub} and {@link #CLIENT_ID} and carry the granted
 * {@link #SCOPE}. Both kinds are verified by MicroProfile JWT alike; the {@code client_id} claim tells them apart.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The claim naming the partner client a token was issued to (RFC 9068 section 2.2); absent for users. */
    public static final String CLIENT_ID = "client_id";
    /** The space-separated scopes granted to a partner client (RFC 9068 section 2.2.3). */
    public static final String SCOPE = "scope";

    private Duration lifetime;
    private Clock clock;

    protected TokenIssuer() {
    }

    @Inject
    public TokenIssuer(@ConfigProperty(name = "finagent.auth.token-lifetime", defaultValue = "PT8H") Duration lifetime) {
        this(lifetime, Clock.systemUTC());
    }

    TokenIssuer(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public AccessToken issue(AppUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtVerificationConfigSource.ISSUER)
                .subject(user.getId().toString())
                .claim("upn", user.getEmail())
                .claim("name", user.getDisplayName())
                .claim("groups", user.getRoles())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        return new AccessToken(sign(claims), "Bearer", lifetime.toSeconds());
    }

    /**
     * A partner client's token for {@code scopes}, valid for {@code clientLifetime}: short, so that a stolen
     * token is worth little; revocation is checked on every request as well.
     */
    public AccessToken issueForClient(String clientId, List<String> scopes, Duration clientLifetime) {
        Instant now = clock.instant();
        String scope = String.join(" ", scopes);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtVerificationConfigSource.ISSUER)
                .subject(clientId)
                .claim("upn", clientId)
                .claim(CLIENT_ID, clientId)
                .claim(SCOPE, scope)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(clientLifetime)))
                .build();
        return new AccessToken(sign(claims), "Bearer", clientLifetime.toSeconds(), scope);
    }

    private static String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) SigningKeys.keyPair().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
