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
    @Operation(summary = "Create a local account")
    public Response register(@NotNull @Valid RegistrationRequest request) {
        UserView user = UserView.of(users.register(request.getEmail(), request.getPassword(), request.getDisplayName()));
        return Response.created(UriBuilder.fromPath("/api/v1/me").build()).entity(user).build();
    }

    @POST
    @Path("/token")
    @Operation(summary = "Exchange e-mail and password for a signed JWT bearer token")
    public AccessToken token(@NotNull @Valid TokenRequest request) {
        return users.signIn(request.getEmail(), request.getPassword());
    }
}
