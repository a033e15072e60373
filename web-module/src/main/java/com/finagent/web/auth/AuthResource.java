package com.finagent.web.auth;

import com.finagent.application.security.AccessToken;
import com.finagent.application.user.UserService;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Local accounts for offline use: register, then exchange credentials for a bearer token. */
@Path("/auth")
@Tag(name = "Authentication")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    UserService users;

    @POST
    @Path("/register")
    @Operation(summary = "Create a local account and sign in to it",
            description = "The password must not be common or guessable (zxcvbn score 3 of 4 or more). Limited per"
                    + " client address; over the limit the answer is 429 with Retry-After and RateLimit-* headers.")
    @APIResponse(responseCode = "201", description = "The account, signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    public Response register(@NotNull @Valid RegistrationRequest request) {
        RegistrationView registration = RegistrationView.of(
                users.register(request.getEmail(), request.getPassword(), request.getDisplayName()));
        return Response.created(UriBuilder.fromPath("/api/v1/me").build()).entity(registration).build();
    }

    @POST
    @Path("/token")
    @Operation(summary = "Exchange e-mail and password for a signed JWT bearer token",
            description = "Limited per client address and per account; repeated failures slow an e-mail down (429"
                    + " with Retry-After), whether or not it has an account.")
    public AccessToken token(@NotNull @Valid TokenRequest request) {
        return users.signIn(request.getEmail(), request.getPassword());
    }
}
