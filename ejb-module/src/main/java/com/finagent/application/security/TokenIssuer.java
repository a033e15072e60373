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
import java.util.UUID;

/** Signs MicroProfile JWT access tokens (RS256) for local accounts. */
@ApplicationScoped
public class TokenIssuer {

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
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) SigningKeys.keyPair().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), "Bearer", lifetime.toSeconds());
    }
}
