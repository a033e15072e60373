package com.finagent.web.debate;

import com.finagent.application.debate.DebateService;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.partner.Scope;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The recorded steps and agent calls of the caller's debates. */
@Path("/executions")
@Authenticated
@RequiresScope(Scope.DEBATES_WRITE)
@Tag(name = "Debates")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    @EJB
    DebateService debates;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Every step and agent call of a debate, with the ids each depended on")
    public List<ExecutionView> executions(@QueryParam("debateId") String debateId) {
        if (debateId == null || debateId.isBlank()) {
            throw FinAgentException.invalidField("debateId", "is required");
        }
        UUID id;
        try {
            id = UUID.fromString(debateId.strip());
        } catch (IllegalArgumentException e) {
            throw FinAgentException.invalidField("debateId", "must be a UUID");
        }
        return debates.executions(currentUser.ownerId(), id).stream().map(ExecutionView::of).toList();
    }

}
