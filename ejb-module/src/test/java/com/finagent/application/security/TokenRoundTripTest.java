package com.finagent.application.security;

import com.finagent.application.user.BearerTokenVerifier;

import com.finagent.persistence.user.AppUser;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private final AppUser user = AppUser.local("Ann@Example.com", "Ann", "hash");

    @Test
    void issuedTokenVerifiesAndCarriesTheMicroProfileClaims() throws Exception {
        AccessToken token = issuer(NOW).issue(user);

        assertEquals("Bearer", token.tokenType());
        assertEquals(Duration.ofHours(1).toSeconds(), token.expiresIn());
        assertEquals(Optional.of(user.getId()), verifier(NOW.plusSeconds(60)).verify(token.accessToken()));

        var claims = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
        assertEquals(JwtVerificationConfigSource.ISSUER, claims.getIssuer());
        assertEquals("ann@example.com", claims.getStringClaim("upn"));
        assertEquals(List.of("user"), claims.getStringListClaim("groups"));
    }

    @Test
    void rejectsExpiredTamperedForeignAndMalformedTokens() {
        String token = issuer(NOW).issue(user).accessToken();

        assertEquals(Optional.empty(), verifier(NOW.plus(Duration.ofHours(2))).verify(token), "expired");

        String[] parts = token.split("\\.");
        String otherSubject = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"finagent\",\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":9999999999}").getBytes());
        assertEquals(Optional.empty(), verifier(NOW).verify(parts[0] + "." + otherSubject + "." + parts[2]), "tampered");

        BearerTokenVerifier otherIssuer = new BearerTokenVerifier(SigningKeys.publicKeyPem(), "someone-else",
                Clock.fixed(NOW, ZoneOffset.UTC), id -> true);
        assertEquals(Optional.empty(), otherIssuer.verify(token), "wrong issuer");

        assertEquals(Optional.empty(), verifier(NOW).verify("not-a-jwt"));
        assertEquals(Optional.empty(), verifier(NOW).verify(null));
    }

    @Test
    void rejectsTokensOfDisabledAccounts() {
        String token = issuer(NOW).issue(user).accessToken();
        BearerTokenVerifier disabled = new BearerTokenVerifier(SigningKeys.publicKeyPem(),
                JwtVerificationConfigSource.ISSUER, Clock.fixed(NOW, ZoneOffset.UTC), id -> !id.equals(user.getId()));
        assertEquals(Optional.empty(), disabled.verify(token));
    }

    @Test
    void signingKeyIsGeneratedOnceAndReloaded(@TempDir Path home) {
        Path keyFile = home.resolve("keys").resolve(SigningKeys.KEY_FILE);
        KeyPair first = SigningKeys.loadOrCreate(keyFile);
        KeyPair second = SigningKeys.loadOrCreate(keyFile);

        assertTrue(keyFile.toFile().isFile());
        assertArrayEquals(first.getPrivate().getEncoded(), second.getPrivate().getEncoded());
        assertArrayEquals(first.getPublic().getEncoded(), second.getPublic().getEncoded());
    }

    private static TokenIssuer issuer(Instant now) {
        return new TokenIssuer(Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static BearerTokenVerifier verifier(Instant now) {
        return new BearerTokenVerifier(SigningKeys.publicKeyPem(), JwtVerificationConfigSource.ISSUER,
                Clock.fixed(now, ZoneOffset.UTC), id -> true);
    }
}
