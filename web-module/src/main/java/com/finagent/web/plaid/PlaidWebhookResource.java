package com.finagent.web.plaid;

import com.finagent.application.plaid.PlaidWebhooks;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Plaid's webhook receiver. No bearer token: Plaid proves itself with the signed {@code Plaid-Verification}
 * header, checked against the exact body bytes (hence the body is taken as a string, not bound to an object).
 */
@Path("/plaid/webhook")
@Tag(name = "Linked accounts (Plaid)")
public class PlaidWebhookResource {

    @EJB
    PlaidWebhooks webhooks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plaid webhook: verified (ES256 JWT, body hash, 5-minute age), then acted on")
    public PlaidWebhooks.Receipt receive(String body, @HeaderParam("Plaid-Verification") String verification) {
        return webhooks.receive(body == null ? "" : body, verification);
    }
}
