package com.finagent.web.auth;

import com.finagent.application.security.TokenIssuer;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.List;

/** Reads the partner-client claims of a verified token; MicroProfile JWT may hand custom claims over as JSON values. */
public final class ClientClaims {

    private ClientClaims() {
    }

    /** The client id of a partner client's token, or null for a user's token. */
    public static String clientId(JsonWebToken token) {
        return text(token.getClaim(TokenIssuer.CLIENT_ID));
    }

    /** The scopes granted to a partner client's token. */
    public static List<String> scopes(JsonWebToken token) {
        String scope = text(token.getClaim(TokenIssuer.SCOPE));
        return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split(" +"));
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
