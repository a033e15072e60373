package com.finagent.web.portfolio;

import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * GraphQL's view of the caller's portfolios: the list {@code GET /api/v1/portfolios} answers, and on each the
 * valuation of {@code GET /api/v1/portfolios/{id}/summary}, computed only when a query asks for it.
 */
@GraphQLApi
@RequestScoped
public class PortfolioQueries {

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioValuation valuation;

    @Inject
    CurrentUser currentUser;

    @Query("portfolios")
    @Description("The caller's portfolios, oldest first")
    public @NonNull List<@NonNull PortfolioView> portfolios() {
        return portfolios.list(currentUser.id()).stream().map(PortfolioView::of).toList();
    }

    /** Nullable, so that a valuation that fails leaves the other portfolios standing. */
    @Description("Positions at current prices with P&L and day change, and the totals")
    public ValuationView valuation(@Source PortfolioView portfolio) {
        return ValuationView.of(valuation.summary(currentUser.id(), portfolio.id()));
    }
}
