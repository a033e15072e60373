package com.finagent.web.admin;

import com.finagent.application.admin.AdminService;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.AuditPage;
import com.finagent.application.audit.AuditQuery;
import com.finagent.application.audit.Outcome;
import com.finagent.application.error.FinAgentException;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** What only admins may do: list, disable and enable accounts, and read the audit log. */
@Path("/admin")
@Authenticated
@AdminOnly
@Tag(name = "Administration")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB
    AdminService admin;

    @EJB
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/users")
    @Operation(summary = "Every account, newest first")
    public AdminUserView.Page users(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(AdminService.MAX_PAGE_SIZE) int size) {
        return AdminUserView.Page.of(admin.users(page, size));
    }

    @POST
    @Path("/users/{id}/disable")
    @Operation(summary = "Disable an account: it cannot sign in, and its tokens are refused from the next request")
    public AdminUserView disable(@PathParam("id") UUID id) {
        return AdminUserView.of(admin.setDisabled(currentUser.id(), id, true));
    }

    @POST
    @Path("/users/{id}/enable")
    @Operation(summary = "Enable a disabled account again")
    public AdminUserView enable(@PathParam("id") UUID id) {
        return AdminUserView.of(admin.setDisabled(currentUser.id(), id, false));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit log, newest first, filtered",
            description = "actor: a user id or client id; action: e.g. auth.sign_in; outcome: success, failure or"
                    + " denied; from (inclusive) and to (exclusive): ISO-8601 instants such as 2026-01-31T00:00:00Z.")
    public AuditPage audit(@QueryParam("actor") @Size(max = 100) String actor,
                           @QueryParam("action") @Size(max = 100) @Pattern(regexp = "[a-z_]+\\.[a-z_]+") String action,
                           @QueryParam("outcome") @Pattern(regexp = "(?i)success|failure|denied") String outcome,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(AuditQuery.MAX_SIZE) int size) {
        return audit.search(new AuditQuery(blankToNull(actor), null, blankToNull(action),
                outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                instant("from", from), instant("to", to), page, size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw FinAgentException.invalidField(field, "must be an instant like 2026-01-31T00:00:00Z");
        }
    }
}
