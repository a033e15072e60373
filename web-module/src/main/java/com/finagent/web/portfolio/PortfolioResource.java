package com.finagent.web.portfolio;

import com.finagent.application.portfolio.PortfolioHoldings;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import com.finagent.application.workload.HeavyWork;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.concurrent.CompletionStage;

/** The caller's own portfolios. Another user's portfolio id answers 404. */
@Path("/portfolios")
@Authenticated
@Tag(name = "Portfolios")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioHoldings holdings;

    @EJB
    PortfolioValuation valuation;

    @Inject
    CurrentUser currentUser;

    @Inject
    HeavyWork heavyWork;

    @GET
    @Operation(summary = "List the caller's portfolios, oldest first")
    public List<PortfolioView> list() {
        return portfolios.list(currentUser.id()).stream().map(PortfolioView::of).toList();
    }

    @POST
    @Operation(summary = "Create a portfolio")
    @APIResponse(responseCode = "201", description = "The new portfolio",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortfolioView.class)))
    public Response create(@NotNull @Valid PortfolioRequest request, @Context UriInfo uriInfo) {
        PortfolioView created = PortfolioView.of(
                portfolios.create(currentUser.id(), request.getName(), request.getDescription()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's portfolios")
    public PortfolioView get(@PathParam("id") UUID id) {
        return PortfolioView.of(portfolios.get(currentUser.id(), id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Rename or re-describe a portfolio")
    public PortfolioView update(@PathParam("id") UUID id, @NotNull @Valid PortfolioRequest request) {
        return PortfolioView.of(portfolios.update(currentUser.id(), id, request.getName(), request.getDescription()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a portfolio with its accounts and positions")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        portfolios.delete(currentUser.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/accounts")
    @Operation(summary = "The accounts of a portfolio")
    public List<AccountView> accounts(@PathParam("id") UUID id) {
        return holdings.accounts(currentUser.id(), id).stream().map(AccountView::of).toList();
    }

    @POST
    @Path("/{id}/accounts")
    @Operation(summary = "Add a manual account, or one of the caller's linked (Plaid) accounts, to a portfolio")
    @APIResponse(responseCode = "201", description = "The account added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response addAccount(@PathParam("id") UUID id, @NotNull @Valid AccountRequest request) {
        var account = request.getPlaidAccountId() != null
                ? holdings.linkPlaidAccount(currentUser.id(), id, request.getPlaidAccountId())
                : holdings.addManualAccount(currentUser.id(), id, request.getBrokerName(), request.getAccountNumber(),
                request.getAccountType());
        return Response.status(Response.Status.CREATED).entity(AccountView.of(account)).build();
    }

    @DELETE
    @Path("/{id}/accounts/{accountId}")
    @Operation(summary = "Remove an account and its positions from a portfolio")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeAccount(@PathParam("id") UUID id, @PathParam("accountId") UUID accountId) {
        holdings.removeAccount(currentUser.id(), id, accountId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/positions")
    @Operation(summary = "Add a manual position (merged with an existing one of the same symbol and account)")
    @APIResponse(responseCode = "201", description = "The position, merged with an existing one if any",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PositionView.class)))
    public Response addPosition(@PathParam("id") UUID id, @NotNull @Valid PositionRequest request) {
        var position = holdings.addPosition(currentUser.id(), id, request.getAccountId(), request.getSymbol(),
                request.getQuantity(), request.getAverageCost());
        return Response.status(Response.Status.CREATED).entity(PositionView.of(position)).build();
    }

    @DELETE
    @Path("/{id}/positions/{positionId}")
    @Operation(summary = "Remove a manual position")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removePosition(@PathParam("id") UUID id, @PathParam("positionId") UUID positionId) {
        holdings.removePosition(currentUser.id(), id, positionId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/summary")
    @Operation(summary = "Positions at current prices with P&L and day change, totals, allocation by asset, sector and account")
    public PortfolioValuation.Summary summary(@PathParam("id") UUID id) {
        return valuation.summary(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/risk")
    @Operation(summary = "Risk measures and a Monte Carlo simulation of the portfolio's own holdings and weights")
    public CompletionStage<PortfolioValuation.Risk> risk(@PathParam("id") UUID id, @Valid PortfolioRiskRequest request) {
        PortfolioRiskRequest options = request != null ? request : new PortfolioRiskRequest();
        UUID owner = currentUser.id();
        return HeavyWork.answer(() -> heavyWork.submit(() -> valuation.risk(owner, id, options.getConfidence(),
                options.getHorizon(), options.getPaths(), options.getSteps(), options.getSeed())));
    }
}
