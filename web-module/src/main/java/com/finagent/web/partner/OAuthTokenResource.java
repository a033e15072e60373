package com.finagent.web.partner;

import com.finagent.application.partner.PartnerClientService;
import com.finagent.application.partner.TokenRequestException;
import com.finagent.application.partner.TokenRequestException.Error;
import com.finagent.application.security.AccessToken;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The OAuth 2.0 token endpoint for partner systems: the client-credentials grant (RFC 6749 section 4.4), with the
 * client authenticated by HTTP Basic or by {@code client_id}/{@code client_secret} in the form (section 2.3.1).
 */
@Path("/oauth/token")
@Tag(name = "Partner clients")
public class OAuthTokenResource {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    /** Grants RFC 6749 defines that a partner client, registered for client credentials only, may not use. */
    private static final Set<String> OTHER_GRANTS = Set.of("authorization_code", "password", "refresh_token",
            "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer");

    @EJB
    PartnerClientService partnerClients;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a partner client's id and secret for an access token (OAuth 2.0 client credentials)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ClientCredentialsForm.class)))
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessToken.class)))
    @APIResponse(responseCode = "400", description = "invalid_request, unauthorized_client, unsupported_grant_type or invalid_scope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class)))
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        try {
            MultivaluedMap<String, String> form = Forms.parse(body);
            String grantType = single(form, "grant_type");
            if (grantType == null) {
                throw new TokenRequestException(Error.INVALID_REQUEST, "grant_type is required");
            }
            String[] credentials = credentials(authorization, basic, form);
            if (!CLIENT_CREDENTIALS.equals(grantType)) {
                if (!OTHER_GRANTS.contains(grantType)) {
                    throw new TokenRequestException(Error.UNSUPPORTED_GRANT_TYPE,
                            "Only grant_type=client_credentials is supported");
                }
                partnerClients.authenticate(credentials[0], credentials[1]);
                throw new TokenRequestException(Error.UNAUTHORIZED_CLIENT,
                        "Partner clients may use grant_type=client_credentials only");
            }
            AccessToken token = partnerClients.grant(credentials[0], credentials[1], single(form, "scope"));
            return Response.ok(token, MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (TokenRequestException refused) {
            return OAuthError.of(refused, basic);
        }
    }

    /** Client id and secret from exactly one place: HTTP Basic or the form (RFC 6749 section 2.3). */
    private static String[] credentials(String authorization, boolean basic, MultivaluedMap<String, String> form) {
        String formId = single(form, "client_id");
        String formSecret = single(form, "client_secret");
        if (authorization != null && !basic) {
            throw new TokenRequestException(Error.INVALID_CLIENT, "Authenticate the client with HTTP Basic or form fields");
        }
        if (basic) {
            if (formSecret != null) {
                throw new TokenRequestException(Error.INVALID_REQUEST,
                        "Authenticate the client one way only: HTTP Basic or client_secret, not both");
            }
            String[] pair = basicCredentials(authorization.substring(6).strip());
            if (formId != null && !formId.equals(pair[0])) {
                throw new TokenRequestException(Error.INVALID_REQUEST, "client_id differs from the HTTP Basic user");
            }
            return pair;
        }
        if (formId == null || formSecret == null) {
            throw new TokenRequestException(Error.INVALID_CLIENT,
                    "Authenticate the client with HTTP Basic or with client_id and client_secret");
        }
        return new String[] {formId, formSecret};
    }

    /** RFC 6749 section 2.3.1: the id and secret are form-encoded before they are joined for Basic. */
    private static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new TokenRequestException(Error.INVALID_CLIENT, "The HTTP Basic credentials are malformed");
            }
            String[] pair = {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
            // PostgreSQL refuses NUL in text, so a client id holding one would fail the lookup rather than not match.
            if (pair[0].indexOf('\0') >= 0 || pair[1].indexOf('\0') >= 0) {
                throw new TokenRequestException(Error.INVALID_CLIENT, "The HTTP Basic credentials hold a NUL character");
            }
            return pair;
        } catch (IllegalArgumentException malformed) {
            throw new TokenRequestException(Error.INVALID_CLIENT, "The HTTP Basic credentials are malformed");
        }
    }

    /** A parameter that must not repeat (RFC 6749 section 3.2); absent or empty is null. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new TokenRequestException(Error.INVALID_REQUEST, name + " must not be repeated");
        }
        String value = values.get(0);
        return value.isEmpty() ? null : value;
    }

    /** The form fields of a token request, for the OpenAPI document and generated clients. */
    @Schema(name = "ClientCredentialsForm", requiredProperties = "grant_type", properties = {
            @SchemaProperty(name = "grant_type", type = SchemaType.STRING, enumeration = CLIENT_CREDENTIALS),
            @SchemaProperty(name = "client_id", type = SchemaType.STRING, description = "with client_secret, unless HTTP Basic is used"),
            @SchemaProperty(name = "client_secret", type = SchemaType.STRING),
            @SchemaProperty(name = "scope", type = SchemaType.STRING, description = "space-separated; all of the client's scopes if absent")})
    public static final class ClientCredentialsForm {
        private ClientCredentialsForm() {
        }
    }
}
