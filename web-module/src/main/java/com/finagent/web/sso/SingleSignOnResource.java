package com.finagent.web.sso;

import com.finagent.application.security.AccessToken;
import com.finagent.application.sso.SingleSignOnService;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ends a single sign-on in the browser: the one-time code from the sign-on module becomes our access token. */
@Path("/auth/sso")
@Tag(name = "Authentication")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SingleSignOnResource {

    @EJB
    SingleSignOnService singleSignOn;

    @POST
    @Path("/token")
    @Operation(summary = "Exchange the one-time code of a finished single sign-on for a bearer token")
    public AccessToken token(@NotNull @Valid SignInCodeRequest request) {
        return singleSignOn.exchange(request.getCode());
    }
}
