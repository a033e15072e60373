package com.finagent.web.sso;

import com.finagent.application.security.AccessToken;
import com.finagent.application.sso.SingleSignOnService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.auth.TokenRequest;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Links the caller's single sign-on identity to their local account. Never done by matching e-mails: the caller, signed
 * in through the provider, proves they own the local account with its e-mail and password.
 */
@Path("/me/links")
@Authenticated
@Tag(name = "Authentication")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountLinkResource {

    @EJB
    SingleSignOnService singleSignOn;

    @Inject
    CurrentUser currentUser;

    @POST
    @Operation(summary = "Link the signed-in single sign-on identity to a local account; answers a token for that account")
    public AccessToken link(@NotNull @Valid TokenRequest localAccount) {
        return singleSignOn.link(currentUser.id(), localAccount.getEmail(), localAccount.getPassword());
    }
}
