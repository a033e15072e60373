package com.finagent.web.debate;

import com.finagent.application.debate.DebateService;
import com.finagent.application.partner.Scope;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Multi-agent debates: start one (202, then watch it on {@code /ws/debates/{id}}), read its state and its
 * execution graph. The caller's own debates only.
 */
@Path("/debates")
@Authenticated
@RequiresScope(Scope.DEBATES_WRITE)
@Tag(name = "Debates")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class DebateResource {

    @EJB
    DebateService debates;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a debate: parallel search, initial analysis, up to 3 rounds, consensus, recommendation")
    @APIResponse(responseCode = "202", description = "Started; poll GET /debates/{id} or watch the stream",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DebateAccepted.class)))
    public Response start(@NotNull @Valid DebateTrigger trigger, @Context UriInfo uriInfo) {
        UUID id = debates.start(currentUser.ownerId(), trigger.getQuery().strip(), trigger.getAssistantType(),
                trigger.getSymbols() == null ? List.of() : trigger.getSymbols(), trigger.getMaxRounds(),
                trigger.getTokenBudget());
        return accepted(id, uriInfo.getAbsolutePathBuilder());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Run a finished debate again from its stored request, evidence, model settings and seed")
    @APIResponse(responseCode = "202", description = "Started; poll GET /debates/{id} or watch the stream",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DebateAccepted.class)))
    public Response replay(@PathParam("id") UUID id, @Context UriInfo uriInfo) {
        return accepted(debates.replay(currentUser.ownerId(), id), uriInfo.getBaseUriBuilder().path(DebateResource.class));
    }

    @GET
    @Operation(summary = "The caller's debates, newest first")
    public List<DebateView> list() {
        return debates.list(currentUser.ownerId()).stream().map(DebateView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A debate's state and, once finished, its positions, rounds, consensus and recommendation")
    public DebateView get(@PathParam("id") UUID id) {
        return DebateView.of(debates.get(currentUser.ownerId(), id));
    }

    /** 202 with where to watch the debate and where to read it. */
    private static Response accepted(UUID id, UriBuilder debates) {
        return Response.accepted(DebateAccepted.pending(id)).location(debates.path(id.toString()).build()).build();
    }
}
