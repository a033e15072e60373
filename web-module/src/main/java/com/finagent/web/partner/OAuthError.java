package com.finagent.web.partner;

import com.finagent.application.partner.TokenRequestException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refused token request in the shape of RFC 6749 section 5.2, which OAuth client libraries read. */
@Schema(name = "OAuthError", description = "A token error (RFC 6749 section 5.2)")
public record OAuthError(
        @Schema(required = true, enumeration = {"invalid_request", "invalid_client", "unauthorized_client",
                "unsupported_grant_type", "invalid_scope"}) String error,
        @JsonbProperty("error_description") @Schema(name = "error_description") String errorDescription) {

    /**
     * The response: never cached (RFC 6749 section 5.1); a failed HTTP Basic authentication also names the
     * scheme to use (section 5.2).
     */
    static Response of(TokenRequestException refused, boolean basicAuthentication) {
        Response.ResponseBuilder response = Response.status(refused.getError().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(new OAuthError(refused.getError().code(), refused.getMessage()));
        if (refused.getError() == TokenRequestException.Error.INVALID_CLIENT && basicAuthentication) {
            response.header("WWW-Authenticate", "Basic realm=\"finagent\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
