package com.finagent.web.plaid;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.plaid.PlaidGateway;
import com.finagent.application.plaid.PlaidItems;
import com.finagent.application.plaid.PlaidLinkService;
import com.finagent.application.plaid.PlaidSyncService;
import com.finagent.application.plaid.SyncResult;
import com.finagent.persistence.plaid.PlaidAccount;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.api.QueryDates;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The caller's linked institutions (Plaid items) and what was synced from them; only ever the caller's own. */
@Path("/plaid")
@Authenticated
@Tag(name = "Linked accounts (Plaid)")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlaidResource {

    @EJB
    PlaidLinkService link;

    @EJB
    PlaidSyncService sync;

    @EJB
    PlaidItems items;

    @Inject
    PlaidGateway gateway;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/link-token")
    @Operation(summary = "A Plaid Link token for the caller; sandboxDialog says to show the sandbox dialog instead of Plaid Link")
    public PlaidViews.LinkTokenView linkToken() {
        PlaidLinkService.LinkToken token = link.linkToken(currentUser.id());
        return new PlaidViews.LinkTokenView(token.linkToken(), token.expiration(), token.source(),
                gateway.sandboxDialog());
    }

    @POST
    @Path("/sandbox/public-token")
    @Operation(summary = "Log in to a sandbox institution (user_good / pass_good) and get Link's public token")
    public PlaidViews.PublicTokenView sandboxPublicToken(@NotNull @Valid SandboxLoginRequest request) {
        return new PlaidViews.PublicTokenView(link.sandboxPublicToken(request.getInstitutionId(),
                request.getUsername(), request.getPassword()));
    }

    @POST
    @Path("/exchange")
    @Operation(summary = "Exchange Link's public token: stores the item (token encrypted) and syncs it once")
    @APIResponse(responseCode = "201", description = "The stored item after its first sync",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncResult.class)))
    public Response exchange(@NotNull @Valid PublicTokenRequest request) {
        SyncResult first = link.exchange(currentUser.id(), request.getPublicToken());
        return Response.status(Response.Status.CREATED).entity(first).build();
    }

    @GET
    @Path("/items")
    @Operation(summary = "The caller's linked institutions with their status and accounts")
    public List<PlaidViews.ItemView> items() {
        List<PlaidAccount> accounts = items.accounts(currentUser.id());
        return items.list(currentUser.id()).stream().map(item -> PlaidViews.ItemView.of(item, accounts)).toList();
    }

    @DELETE
    @Path("/items/{id}")
    @Operation(summary = "Unlink an institution: removed at Plaid, and here with its accounts and transactions")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public Response remove(@PathParam("id") UUID id) {
        link.remove(currentUser.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/items/{id}/sync")
    @Operation(summary = "Sync an item now; refresh=true asks the institution for live balances")
    public SyncResult sync(@PathParam("id") UUID id, @QueryParam("refresh") @DefaultValue("false") boolean refresh) {
        return sync.sync(currentUser.id(), id, refresh);
    }

    @GET
    @Path("/accounts")
    @Operation(summary = "The caller's linked accounts with their balances")
    public List<PlaidViews.AccountView> accounts() {
        return items.accounts(currentUser.id()).stream().map(PlaidViews.AccountView::of).toList();
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The caller's transactions, newest first, optionally of one account and a date range")
    public PlaidViews.TransactionPageView transactions(@QueryParam("accountId") String accountId,
                                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                                       @QueryParam("page") @DefaultValue("0") int page,
                                                       @QueryParam("size") @DefaultValue("50") int size) {
        // Checked here rather than with @Min/@Max: Payara's OpenAPI scanner fails on constraints of parameters.
        if (page < 0) {
            throw FinAgentException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw FinAgentException.invalidField("size", "must be 1 to 500");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // The offset page * size would wrap around; no one has that many transactions.
            throw FinAgentException.invalidField("page", "must be at most " + Integer.MAX_VALUE / size + " at size " + size);
        }
        var fromDate = QueryDates.parse("from", from);
        var toDate = QueryDates.parse("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw FinAgentException.invalidField("from", "must not be after 'to'");
        }
        PlaidItems.TransactionPage result = items.transactions(currentUser.id(),
                accountId == null || accountId.isBlank() ? null : accountId, fromDate, toDate, page, size);
        return new PlaidViews.TransactionPageView(result.transactions().stream().map(PlaidViews.TransactionView::of)
                .toList(), result.page(), result.size(), result.total());
    }

    @GET
    @Path("/holdings")
    @Operation(summary = "The caller's investment holdings as of the last sync")
    public List<PlaidViews.HoldingView> holdings() {
        return items.holdings(currentUser.id()).stream().map(PlaidViews.HoldingView::of).toList();
    }
}
