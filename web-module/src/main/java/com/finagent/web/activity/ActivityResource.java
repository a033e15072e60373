package com.finagent.web.activity;

import com.finagent.application.activity.ActivityService;
import com.finagent.application.activity.CsvImport;
import com.finagent.application.activity.CsvLayout;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.Activity.Source;
import com.finagent.persistence.portfolio.ActivityType;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The activities of the caller's portfolio: entered by hand or imported from a broker's CSV export. */
@Path("/portfolios/{id}/activities")
@Authenticated
@Tag(name = "Activities")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @EJB
    ActivityService activities;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The activities of every account of the portfolio, oldest first")
    public List<ActivityView> list(@PathParam("id") UUID id) {
        return activities.list(currentUser.id(), id).stream().map(a -> ActivityView.of(a, true)).toList();
    }

    @POST
    @Operation(summary = "Record an activity in a manual account; the account's positions follow from its activities")
    @APIResponse(responseCode = "201", description = "The activity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    public Response add(@PathParam("id") UUID id, @NotNull @Valid ActivityRequest request) {
        Activity activity = activity(request);
        Activity stored = activities.record(currentUser.id(), id, request.getAccountId(), List.of(activity)).get(0);
        return Response.status(Response.Status.CREATED).entity(ActivityView.of(stored, true)).build();
    }

    @DELETE
    @Path("/{activityId}")
    @Operation(summary = "Delete an activity (refused if the others would no longer add up)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response remove(@PathParam("id") UUID id, @PathParam("activityId") UUID activityId) {
        activities.remove(currentUser.id(), id, activityId);
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Operation(summary = "Import a broker's CSV export (presets: generic, schwab, fidelity); preview stores nothing."
            + " A file with any unreadable row is refused whole, with an error per row, and changes nothing")
    public ActivityImportView importCsv(@PathParam("id") UUID id, @NotNull @Valid ActivityImportRequest request) {
        CsvLayout layout = CsvLayout.preset(request.getPreset()).orElseThrow();
        if (!request.getColumns().isEmpty()) {
            layout = layout.withColumns(request.getColumns());
        }
        CsvImport outcome = activities.importCsv(currentUser.id(), id, request.getAccountId(), request.getCsv(),
                layout, request.isPreview());
        if (!request.isPreview() && !outcome.errors().isEmpty()) {
            List<FieldError> rows = outcome.errors().stream()
                    .map(e -> new FieldError(e.line() == 0 ? "csv" : "csv line " + e.line(), e.message())).toList();
            throw new FinAgentException(ErrorType.VALIDATION, 400, outcome.errors().size()
                    + " row(s) of the file could not be imported; nothing was stored", rows, null);
        }
        return ActivityImportView.of(outcome);
    }

    private static Activity activity(ActivityRequest request) {
        String symbol = request.getSymbol() == null ? null : request.getSymbol().toUpperCase(Locale.ROOT);
        ActivityType type = request.getType();
        try {
            return switch (type) {
                case BUY, SELL -> Activity.trade(request.getAccountId(), request.getDate(), type, symbol,
                        request.getQuantity(), request.getPrice(), request.getFee(), request.getCurrency(),
                        Source.MANUAL);
                case SPLIT -> Activity.split(request.getAccountId(), request.getDate(), symbol,
                        request.getQuantity(), request.getCurrency(), Source.MANUAL);
                default -> Activity.cash(request.getAccountId(), request.getDate(), type, symbol,
                        request.getAmount(), request.getCurrency(), Source.MANUAL);
            };
        } catch (IllegalArgumentException | NullPointerException incomplete) {
            throw FinAgentException.invalidField(fieldMissing(type), incomplete.getMessage());
        }
    }

    private static String fieldMissing(ActivityType type) {
        return switch (type) {
            case BUY, SELL -> "quantity, price";
            case SPLIT -> "quantity";
            default -> "amount";
        };
    }
}
