package com.finagent.web.scorecard;

import com.finagent.application.scorecard.Scorecard;
import com.finagent.application.scorecard.ScorecardService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the caller's past recommendations turned out. */
@Path("/scorecard")
@Authenticated
@Tag(name = "Debates")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    @EJB
    ScorecardService scorecards;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Calls whose horizon has passed, per assistant, participant and model: hit rate, mean excess"
            + " return over SPY, and calibration (how often right per confidence bucket)")
    public Scorecard scorecard() {
        return scorecards.of(currentUser.id());
    }
}
