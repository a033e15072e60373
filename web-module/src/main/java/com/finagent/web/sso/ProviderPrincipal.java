package com.finagent.web.sso;

import com.finagent.persistence.user.AppUser;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Set;

/**
 * The caller of a request made with the identity provider's access token, shaped like one of our own tokens: its
 * subject is our user id, its groups our roles, its issuer the provider's.
 */
public class ProviderPrincipal extends CallerPrincipal implements JsonWebToken {

    private final Map<String, Object> claims;

    public ProviderPrincipal(AppUser user, String issuer) {
        super(user.getEmail());
        this.claims = Map.of(
                Claims.iss.name(), issuer,
                Claims.sub.name(), user.getId().toString(),
                Claims.upn.name(), user.getEmail(),
                Claims.groups.name(), Set.copyOf(user.getRoles()));
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}
