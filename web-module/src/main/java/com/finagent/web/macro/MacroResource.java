package com.finagent.web.macro;

import com.finagent.application.macro.MacroService;
import com.finagent.application.macro.MacroSnapshot;
import com.finagent.web.api.FinAgentApi;
import com.finagent.application.partner.Scope;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.partner.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The standard US economic indicators the agents reason from, as FRED publishes them or computed from its series. */
@Path("/macro")
@Authenticated
@RequiresScope(Scope.MACRO_READ)
@Tag(name = "Macro")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class MacroResource {

    @Inject
    MacroService macro;

    @GET
    @Path("/indicators")
    @Operation(summary = "US inflation, labour market, policy rate, Treasury yields and GDP growth from FRED",
            description = "Each figure has its value, units, the date of its observation, its FRED series and how it "
                    + "was read (year-over-year inflation and changes are computed from two observations, which are "
                    + "named). Cached for hours; a series FRED could not give is listed under missing. Needs "
                    + "FINAGENT_FRED_API_KEY (404 without it); 502 when FRED gave nothing.")
    public MacroSnapshot indicators(
            @Parameter(description = "economy; FRED covers US series only (default US)") @QueryParam("region") String region) {
        return macro.indicators(region);
    }
}
