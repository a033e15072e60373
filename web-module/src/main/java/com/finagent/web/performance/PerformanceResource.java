package com.finagent.web.performance;

import com.finagent.application.performance.PerformanceReport;
import com.finagent.application.performance.PerformanceService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.UUID;

/** How the caller's portfolio has done over time, from its activities. */
@Path("/portfolios/{id}/performance")
@Authenticated
@Tag(name = "Portfolios")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    @EJB
    PerformanceService performance;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Holdings with FIFO realised and unrealised gains, time- and money-weighted returns for 1M,"
            + " 3M, YTD, 1Y and all, the value over time against a benchmark (SPY by default) and its drawdown")
    public PerformanceReport report(@PathParam("id") UUID id,
                                    @QueryParam("benchmark") @DefaultValue(PerformanceService.DEFAULT_BENCHMARK)
                                    @Pattern(regexp = "[A-Za-z0-9.\\-^]{1,10}", message = "must be a ticker symbol")
                                    String benchmark) {
        return performance.report(currentUser.id(), id, benchmark.toUpperCase(Locale.ROOT));
    }
}
