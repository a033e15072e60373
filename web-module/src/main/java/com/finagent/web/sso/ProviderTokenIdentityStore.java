package com.finagent.web.sso;

import com.finagent.application.sso.ProviderTokenVerifier;
import com.finagent.application.sso.SingleSignOnService;
import com.finagent.application.sso.SingleSignOnSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lets the API accept access tokens of the configured OpenID Connect provider beside our own. MicroProfile JWT (the
 * WAR's one authentication mechanism) hands every bearer token to the identity stores in priority order; this store
 * comes first, answers only for tokens whose issuer is the provider, and gives the account that single sign-on
 * provisions for the person, so that {@code CurrentUser} names the same user either way. Any other token it leaves
 * to MicroProfile JWT's own store, which checks our signature and issuer.
 */
@ApplicationScoped
public class ProviderTokenIdentityStore implements IdentityStore {

    private static final String BEARER = "bearer ";

    @Inject
    HttpServletRequest request;

    @Inject
    ProviderTokenVerifier verifier;

    @Inject
    SingleSignOnSettings settings;

    @EJB
    SingleSignOnService singleSignOn;

    /**
     * The credential is Payara's own MicroProfile JWT credential class, which is not an API to compile against; it
     * carries the request's bearer token, which is read here from the same header.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        String token = bearerToken();
        if (!verifier.isProviderToken(token)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return singleSignOn.accountOf(token)
                .map(user -> new CredentialValidationResult(
                        new ProviderPrincipal(user, settings.issuer()), new HashSet<>(user.getRoles())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** Before MicroProfile JWT's store (priority 100), so a provider's token is not first refused and logged there. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }

    private String bearerToken() {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }
}
