package com.finagent.application.tools;

import com.finagent.agents.tools.ToolResult;
import com.finagent.application.optimization.OptimizationService;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Function;

/**
 * Gives a user's {@link ServiceAgentTools} over the services the tools read. Chat and debate differ only in how they
 * search and where the macro figures come from, so those two are the caller's.
 */
@ApplicationScoped
public class AgentToolsFactory {

    @EJB
    MarketDataService market;

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioValuation valuation;

    @EJB
    OptimizationService optimizer;

    public ServiceAgentTools forUser(UUID userId, Function<ServiceAgentTools.SearchQuery, ToolResult> search,
                                     Function<String, ToolResult> macro) {
        return new ServiceAgentTools(userId, market, portfolios, valuation, optimizer, search, macro);
    }
}
