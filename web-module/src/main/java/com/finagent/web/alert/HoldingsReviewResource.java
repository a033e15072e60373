package com.finagent.web.alert;

import com.finagent.application.alert.HoldingsReview;
import com.finagent.web.admin.AdminOnly;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an administrator start the review of every user's held positions now, between scheduled ones. */
@Path("/admin/holdings-review")
@Authenticated
@AdminOnly
@Tag(name = "Administration")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class HoldingsReviewResource {

    @EJB
    HoldingsReview review;

    @POST
    @Operation(summary = "Queue an analyst debate of every user's held symbols (5 to a debate) now; a changed rating "
            + "of a held symbol alerts its owner as any debate's does")
    public Started reviewNow() {
        return new Started(review.reviewNow());
    }

    /** How many debates the review queued (one per holder and five symbols). */
    public record Started(int debatesQueued) {
    }
}
