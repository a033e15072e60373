package com.finagent.web.auth;

import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Reads a request's verified token without failing: the user it names, and its groups. */
public final class UserTokens {

    private UserTokens() {
    }

    /** The user id a verified token names as its subject; empty for no token or a token that names no user. */
    public static Optional<UUID> userId(SecurityContext context) {
        if (!(context.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException notAUser) {
            return Optional.empty();
        }
    }

    /** Whether a verified token carries {@code group} in its {@code groups} claim. */
    public static boolean hasGroup(SecurityContext context, String group) {
        return context.getUserPrincipal() instanceof JsonWebToken token
                && token.getGroups() != null && token.getGroups().contains(group);
    }
}
