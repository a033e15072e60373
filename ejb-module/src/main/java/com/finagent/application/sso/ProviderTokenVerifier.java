package com.finagent.application.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Verifies tokens of the configured OpenID Connect provider: signature against the provider's JWKS (found through
 * its discovery document, cached and refreshed by nimbus when a new key id appears), issuer, audience and expiry.
 */
@ApplicationScoped
public class ProviderTokenVerifier {

    private static final Logger LOG = Logger.getLogger(ProviderTokenVerifier.class.getName());
    private static final int TIMEOUT_MS = 5000;

    @Inject
    SingleSignOnSettings settings;

    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    /** Whether the token claims to come from the configured provider; says nothing about its validity. */
    public boolean isProviderToken(String token) {
        if (!settings.enabled() || token == null) {
            return false;
        }
        try {
            return settings.issuer().equals(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException notAJwt) {
            return false;
        }
    }

    /** The person a valid token of the provider names, or empty if the token is not valid for us. */
    public Optional<ProviderIdentity> verify(String token) {
        if (!isProviderToken(token)) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor().process(token, null);
            return Optional.of(new ProviderIdentity(claims.getIssuer(), claims.getSubject(),
                    claims.getStringClaim("email"), displayName(claims), roles(claims)));
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            LOG.log(Level.FINE, "Refused a token of the identity provider: {0}", refused.getMessage());
            return Optional.empty();
        }
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() {
        ConfigurableJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                current = processor;
            }
        }
        return current;
    }

    /** Asks the provider for its discovery document once; a failure is retried on the next token. */
    private ConfigurableJWTProcessor<SecurityContext> build() {
        URL jwksUri = jwksUri();
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(jwksUri, new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS))
                .retrying(true)
                .build();
        DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
        built.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
                        JWSAlgorithm.ES256, JWSAlgorithm.ES384), keys));
        // An ID token names our client id as its audience, an access token for the API the configured audience.
        Set<String> audiences = Stream.of(settings.audience(), settings.clientId())
                .filter(audience -> !audience.isEmpty()).collect(Collectors.toSet());
        built.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audiences,
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp"), null));
        return built;
    }

    private URL jwksUri() {
        try {
            String document = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS)
                    .retrieveResource(URI.create(settings.discoveryUri()).toURL()).getContent();
            Map<String, Object> metadata = JSONObjectUtils.parse(document);
            return URI.create(JSONObjectUtils.getString(metadata, "jwks_uri")).toURL();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the identity provider's discovery document", e);
        }
    }

    private static String displayName(JWTClaimsSet claims) throws ParseException {
        String name = claims.getStringClaim("name");
        return name != null ? name : claims.getStringClaim("preferred_username");
    }

    /** The values of the roles claim; a dotted name such as {@code realm_access.roles} reaches into objects. */
    private List<String> roles(JWTClaimsSet claims) {
        Object value = claims.getClaims();
        for (String part : settings.rolesClaim().split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return List.of();
            }
            value = object.get(part);
        }
        List<String> roles = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(role -> roles.add(String.valueOf(role)));
        } else if (value instanceof String single) {
            roles.add(single);
        }
        return roles;
    }
}
