package com.finagent.web.analytics;

import com.finagent.application.analytics.IndicatorService;
import com.finagent.application.analytics.MonteCarloService;
import com.finagent.application.analytics.OptimizationReport;
import com.finagent.application.optimization.OptimizationService;
import com.finagent.application.analytics.RiskReport;
import com.finagent.application.analytics.RiskService;
import com.finagent.application.analytics.SimulationReport;
import com.finagent.application.partner.Scope;
import com.finagent.application.workload.HeavyWork;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Quantitative analytics on series the caller sends. */
@Path("/analytics")
@Authenticated
@RequiresScope(Scope.ANALYTICS_RUN)
@Tag(name = "Analytics")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    @EJB
    RiskService risk;

    @EJB
    MonteCarloService monteCarlo;

    @EJB
    IndicatorService indicators;

    @EJB
    OptimizationService optimization;

    @Inject
    HeavyWork heavyWork;

    @POST
    @Path("/risk")
    @Operation(summary = "Return, risk and VaR/expected-shortfall measures of a series or a weighted portfolio")
    public CompletionStage<RiskReport> risk(@NotNull @Valid RiskRequest request) {
        return HeavyWork.answer(() -> heavyWork.submit(() -> risk.analyse(request.toQuery())));
    }

    @POST
    @Path("/monte-carlo")
    @Operation(summary = "Simulate a portfolio with correlated geometric Brownian motion: fan chart and final-value distribution")
    public CompletionStage<SimulationReport> monteCarlo(@NotNull @Valid SimulationRequest request) {
        return HeavyWork.answer(() -> heavyWork.submit(() -> monteCarlo.simulate(request.toQuery())));
    }

    @POST
    @Path("/optimize")
    @Operation(summary = "Mean-variance optimisation in PyPortfolioOpt's conventions: prices, dated series, symbols or "
            + "given returns and covariance; long-only, bounded shorts or market-neutral; the efficient frontier and a "
            + "discrete allocation by PyPortfolioOpt's greedy algorithm",
            description = "Expected returns: each asset's CAGR over its own history, (prod(1 + r))^(periodsPerYear / n) - 1. "
                    + "Covariance: pandas' pairwise sample covariance of daily returns over the dates both assets have "
                    + "(n - 1), times periodsPerYear, made positive semidefinite if needed; or Ledoit-Wolf shrinkage to "
                    + "a constant variance (scikit-learn's formula). Missing prices are never filled: the returns next "
                    + "to them are missing. Discrete allocation: greedy_portfolio (floor of each weight's share, then "
                    + "one share at a time to the asset furthest below its weight).")
    public CompletionStage<OptimizationReport> optimize(@NotNull @Valid OptimizationRequest request) {
        return HeavyWork.answer(() -> heavyWork.submit(() -> optimization.optimise(request.toQuery())));
    }

    @POST
    @Path("/indicators")
    @Operation(summary = "SMA, EMA, RSI, MACD, Bollinger bands, KDJ and ATR over the given bars")
    public Map<String, List<Double>> indicators(@NotNull @Valid IndicatorRequest request) {
        return indicators.compute(request.toQuery());
    }
}
