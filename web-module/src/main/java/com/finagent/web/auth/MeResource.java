package com.finagent.web.auth;

import com.finagent.application.user.UserService;
import com.finagent.web.api.FinAgentApi;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account. */
@Path("/me")
@Authenticated
@Tag(name = "Authentication")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    UserService users;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The account the bearer token belongs to")
    public UserView me() {
        return UserView.of(users.get(currentUser.id()));
    }
}
