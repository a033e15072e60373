package com.finagent.web.partner;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.partner.ClientRegistration;
import com.finagent.application.partner.PartnerClientService;
import com.finagent.persistence.partner.PartnerClient;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Administrators register partner clients, rotate their secrets and revoke them. A new secret appears in the
 * answer that creates it and nowhere else. Every answer is personal to the administrator and is not cached.
 */
@Path("/admin/clients")
@Authenticated
@Tag(name = "Partner clients")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerClientResource {

    /** The group (MicroProfile JWT {@code groups}) of administrators. */
    static final String ADMIN = "admin";

    @EJB
    PartnerClientService partnerClients;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Every partner client, newest first")
    public List<PartnerClientView> list() {
        requireAdmin();
        return partnerClients.list().stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a partner client; the answer holds its secret, shown this once")
    @APIResponse(responseCode = "201", description = "The client with its id and secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedClientCredentials.class)))
    public Response create(@NotNull @Valid ClientRegistrationRequest request, @Context UriInfo uriInfo) {
        ClientRegistration registration = partnerClients.register(request.getName(), request.getScopes(),
                request.getRateLimitPerMinute(), requireAdmin());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(registration.client().getClientId()).build())
                .entity(IssuedClientCredentials.of(registration, null)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One partner client")
    public PartnerClientView get(@PathParam("clientId") String clientId) {
        requireAdmin();
        return view(partnerClients.get(clientId));
    }

    @POST
    @Path("/{clientId}/rotate")
    @Operation(summary = "Issue a new secret; the previous one keeps working for the grace period")
    @APIResponse(responseCode = "200", description = "The client with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedClientCredentials.class)))
    public Response rotate(@PathParam("clientId") String clientId,
                           @QueryParam("graceSeconds") String graceSeconds) {
        requireAdmin();
        ClientRegistration rotated = partnerClients.rotate(clientId, grace(graceSeconds));
        return Response.ok(IssuedClientCredentials.of(rotated,
                partnerClients.previousSecretExpiry(rotated.client()).orElse(null)))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{clientId}/revoke")
    @Operation(summary = "Revoke a client: no new tokens, and its current tokens stop working")
    public PartnerClientView revoke(@PathParam("clientId") String clientId) {
        requireAdmin();
        return view(partnerClients.revoke(clientId));
    }

    /** The grace period a rotation asked for, or null for the configured one. */
    private static Duration grace(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw FinAgentException.invalidField("graceSeconds", "must be a whole number of seconds");
        }
    }

    private PartnerClientView view(PartnerClient client) {
        return PartnerClientView.of(client, partnerClients.previousSecretExpiry(client).orElse(null));
    }

    /** The administrator's user id; a partner client's token or a user outside the admin group gets 403. */
    private UUID requireAdmin() {
        UUID admin = currentUser.id();
        if (token.getGroups() == null || !token.getGroups().contains(ADMIN)) {
            throw new FinAgentException(ErrorType.AUTHORIZATION, "Only administrators manage partner clients");
        }
        return admin;
    }
}
