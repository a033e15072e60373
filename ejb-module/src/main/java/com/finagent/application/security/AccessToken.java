package com.finagent.application.security;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed bearer token as RFC 6749 section 5.1 answers it: {@code access_token}, {@code token_type},
 * {@code expires_in} in seconds and, for a partner client, the granted {@code scope} (space-separated).
 * A user's token has no scope: it may call whatever the user may.
 */
@Schema(name = "AccessToken", description = "An access token (RFC 6749 section 5.1)")
public record AccessToken(
        @JsonbProperty("access_token") @Schema(name = "access_token", required = true) String accessToken,
        @JsonbProperty("token_type") @Schema(name = "token_type", required = true, example = "Bearer") String tokenType,
        @JsonbProperty("expires_in") @Schema(name = "expires_in", required = true) long expiresIn,
        @JsonbProperty("scope") @Schema(name = "scope", description = "granted scopes of a partner client's token")
        String scope) {

    /** A user's token, which carries no scope. */
    public AccessToken(String accessToken, String tokenType, long expiresIn) {
        this(accessToken, tokenType, expiresIn, null);
    }
}
