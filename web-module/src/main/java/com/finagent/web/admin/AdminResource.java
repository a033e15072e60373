package com.finagent.web.admin;

import com.finagent.application.admin.AdminService;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.AuditPage;
import com.finagent.application.audit.AuditQuery;
import com.finagent.application.audit.Outcome;
import com.finagent.application.error.FinAgentException;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.api.Paging;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
    public AdminUserView.Page users(@QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, AdminService.MAX_PAGE_SIZE);
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
    public AuditPage audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("outcome") String outcome,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        // checked in code: Payara's OpenAPI scanner fails on constraints of parameters
        Paging.check(page, size, AuditQuery.MAX_SIZE);
        String actorId = matching("actor", actor, "[A-Za-z0-9._:@-]{1,100}", "must be a user id or client id");
        String actionName = matching("action", action, "[a-z_]{1,50}\\.[a-z_]{1,50}", "must be an action like auth.sign_in");
        String outcomeName = matching("outcome", outcome, "(?i)success|failure|denied", "must be success, failure or denied");
        return audit.search(new AuditQuery(actorId, null, actionName,
                outcomeName == null ? null : Outcome.valueOf(outcomeName.toUpperCase(Locale.ROOT)),
                instant("from", from), instant("to", to), page, size));
    }

    /** {@code value} stripped, {@code null} when blank, or a 400 naming {@code field} unless it matches. */
    private static String matching(String field, String value, String pattern, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!stripped.matches(pattern)) {
            throw FinAgentException.invalidField(field, message);
        }
        return stripped;
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
