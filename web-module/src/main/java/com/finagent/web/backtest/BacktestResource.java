package com.finagent.web.backtest;

import com.finagent.application.backtest.BacktestService;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Point-in-time backtests of an assistant's debates against the rule baselines. */
@Path("/backtests")
@Authenticated
@RequiresScope(Scope.DEBATES_WRITE)
@Tag(name = "Debates")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    @EJB
    BacktestService backtests;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backtest: on each rebalance day the assistant's debate runs as of that day, seeing "
            + "only prices to the previous close and text published before it; its ratings are traded against "
            + "buy-and-hold, MACD, KDJ & RSI, ZMR and SMA on the same days and costs")
    @APIResponse(responseCode = "202", description = "Queued; poll GET /backtests/{id} or watch /ws/portfolio",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BacktestView.class)))
    public Response start(@NotNull @Valid BacktestTrigger trigger, @Context UriInfo uriInfo) {
        UUID id = backtests.start(currentUser.ownerId(), trigger.toQuery());
        return Response.accepted(BacktestView.of(backtests.get(currentUser.ownerId(), id)))
                .location(uriInfo.getAbsolutePathBuilder().path(id.toString()).build()).build();
    }

    @GET
    @Operation(summary = "The caller's backtests, newest first, without their results")
    public List<BacktestView> list() {
        return backtests.list(currentUser.ownerId()).stream().map(BacktestView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A backtest's progress and, once ended, its result")
    public BacktestView get(@PathParam("id") UUID id) {
        return BacktestView.of(backtests.get(currentUser.ownerId(), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Stop a backtest: no further debate starts; what ran is kept as its result")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "It had already ended")
    public Response cancel(@PathParam("id") UUID id) {
        backtests.cancel(currentUser.ownerId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Run a completed backtest again from its stored request and seed")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BacktestView.class)))
    public Response replay(@PathParam("id") UUID id, @Context UriInfo uriInfo) {
        UUID replay = backtests.replay(currentUser.ownerId(), id);
        return Response.accepted(BacktestView.of(backtests.get(currentUser.ownerId(), replay)))
                .location(uriInfo.getBaseUriBuilder().path(BacktestResource.class).path(replay.toString()).build())
                .build();
    }
}
