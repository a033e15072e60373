package com.finagent.web.market;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.Locale;

/** GraphQL's quotes: {@code GET /api/v1/market/quote/{symbol}} for a few symbols at once. */
@GraphQLApi
@RequestScoped
public class MarketQueries {

    /** A quote costs a provider call each: a query names a watch list, not the market. */
    static final int MAX_SYMBOLS = 20;

    @EJB
    MarketDataService market;

    /** Nullable, so that a quote that fails leaves the rest of a query's answer standing. */
    @Query("quotes")
    @Description("The latest price of each symbol, in the order given (at most 20)")
    public List<@NonNull QuoteView> quotes(@Name("symbols") @NonNull List<@NonNull String> symbols) {
        if (symbols.isEmpty() || symbols.size() > MAX_SYMBOLS) {
            throw new FinAgentException(ErrorType.VALIDATION, "Ask for 1 to " + MAX_SYMBOLS + " symbols");
        }
        return symbols.stream().map(symbol -> symbol.trim().toUpperCase(Locale.ROOT)).distinct()
                .map(symbol -> QuoteView.of(market.quote(symbol))).toList();
    }
}
