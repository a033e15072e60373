package com.finagent.web.alert;

import com.finagent.application.alert.RatingAlert;
import com.finagent.application.alert.RatingAlerts;
import com.finagent.application.alert.RatingWatch;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Alerts when a debate changes the rating of a symbol the caller holds, and muting them per symbol. */
@Path("/alerts")
@Authenticated
@Tag(name = "Alerts")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @EJB
    RatingAlerts alerts;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The caller's rating-change alerts, newest first, each linking the debate that changed it")
    public List<RatingAlert> list() {
        return alerts.list(currentUser.id());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark an alert read")
    public Response read(@PathParam("id") UUID id) {
        alerts.markRead(currentUser.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/watches")
    @Operation(summary = "The held symbols debates have rated, with their last rating and whether they are muted")
    public List<RatingWatch> watches() {
        return alerts.watches(currentUser.id());
    }

    @PUT
    @Path("/watches/{symbol}")
    @Operation(summary = "Mute or unmute the alerts of a symbol")
    public RatingWatch mute(@PathParam("symbol") @Pattern(regexp = "[A-Za-z0-9.\\-]{1,10}",
            message = "must be a ticker symbol") String symbol, @NotNull @Valid MuteRequest request) {
        return alerts.mute(currentUser.id(), symbol.toUpperCase(Locale.ROOT), request.getMuted());
    }
}
