package com.finagent.web.portfolio;

import com.finagent.application.portfolio.PortfolioService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

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

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "List the caller's portfolios, oldest first")
    public List<PortfolioView> list() {
        return portfolios.list(currentUser.id()).stream().map(PortfolioView::of).toList();
    }

    @POST
    @Operation(summary = "Create a portfolio")
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
    public Response delete(@PathParam("id") UUID id) {
        portfolios.delete(currentUser.id(), id);
        return Response.noContent().build();
    }
}
