package com.finagent.application.user;

import com.finagent.application.security.JwtVerificationConfigSource;
import com.finagent.application.sso.ProviderTokenVerifier;
import com.finagent.application.sso.SingleSignOnService;
import com.finagent.persistence.user.AppUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Verifies bearer tokens outside JAX-RS (WebSocket handshakes) against the same MicroProfile JWT
 * settings the REST API uses: {@code mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer};
 * an access token of the configured OpenID Connect provider names the account single sign-on gives it.
 */
@ApplicationScoped
public class BearerTokenVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private RSASSAVerifier verifier;
    private String issuer;
    private Clock clock;
    private Predicate<UUID> active;
    private Function<String, Optional<UUID>> providerAccounts;

    protected BearerTokenVerifier() {
    }

    @Inject
    public BearerTokenVerifier(@ConfigProperty(name = JwtVerificationConfigSource.PUBLIC_KEY) String publicKeyPem,
                               @ConfigProperty(name = JwtVerificationConfigSource.ISSUER_KEY) String issuer,
                               AccountStatus accounts, ProviderTokenVerifier providerTokens,
                               SingleSignOnService singleSignOn) {
        this(publicKeyPem, issuer, Clock.systemUTC(), accounts::isActive, token -> providerTokens.isProviderToken(token)
                ? singleSignOn.accountOf(token).map(AppUser::getId) : Optional.empty());
    }

    /** Our own tokens only, with the given clock and account check: for code outside the container. */
    public BearerTokenVerifier(String publicKeyPem, String issuer, Clock clock, Predicate<UUID> active) {
        this(publicKeyPem, issuer, clock, active, token -> Optional.empty());
    }

    BearerTokenVerifier(String publicKeyPem, String issuer, Clock clock, Predicate<UUID> active,
                        Function<String, Optional<UUID>> providerAccounts) {
        this.verifier = new RSASSAVerifier(parsePublicKey(publicKeyPem));
        this.issuer = issuer;
        this.clock = clock;
        this.active = active;
        this.providerAccounts = providerAccounts;
    }

    /**
     * The user id the token was issued to, if the token is well-formed, signed by us, current and ours; or the account
     * of the person a valid token of the OpenID Connect provider names. Either way the account must be neither
     * disabled nor deleted.
     */
    public Optional<UUID> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> providerAccount = providerAccounts.apply(token);
        if (providerAccount.isPresent()) {
            return providerAccount.filter(active);
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            Date now = Date.from(clock.instant());
            if (!issuer.equals(claims.getIssuer()) || expiry == null
                    || expiry.toInstant().plus(CLOCK_SKEW).isBefore(now.toInstant())) {
                return Optional.empty();
            }
            UUID userId = UUID.fromString(claims.getSubject());
            return active.test(userId) ? Optional.of(userId) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException invalid) {
            return Optional.empty();
        }
    }

    private static RSAPublicKey parsePublicKey(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey is not an RSA public key", e);
        }
    }
}
