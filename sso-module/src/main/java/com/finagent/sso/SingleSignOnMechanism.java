package com.finagent.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Jakarta Security's OpenID Connect mechanism (authorization code flow, state, nonce, ID token verification against
 * the provider's JWKS) for this WAR, configured from {@link SingleSignOnExpressions}. The provider redirects back to
 * {@code /sso/callback}; signing out through {@code /sso/logout} ends the provider's session too (RP-initiated logout
 * with {@code id_token_hint} and {@code post_logout_redirect_uri}). {@link SingleSignOnActivation} leaves this bean
 * out when no provider is configured, so nothing contacts one.
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${singleSignOn.issuer}",
        clientId = "${singleSignOn.clientId}",
        clientSecret = "${singleSignOn.clientSecret}",
        redirectURI = "${baseURL}/callback",
        scope = {"openid", "email", "profile"},
        redirectToOriginalResource = false,
        useSession = true,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out"))
public class SingleSignOnMechanism {
}
