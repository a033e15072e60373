package com.finagent.web.auth;

import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.AuditPage;
import com.finagent.application.audit.AuditQuery;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.api.Paging;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own security events from the audit log: sign-ins, tokens, links, deletions. */
@Path("/me/security-events")
@Authenticated
@Tag(name = "Authentication")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventsResource {

    @EJB
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The caller's security events, newest first",
            description = "Events about the caller's account only, including failed sign-ins to it.")
    public AuditPage events(@QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, AuditQuery.MAX_SIZE);
        return audit.securityEvents(currentUser.id(), page, size);
    }
}
