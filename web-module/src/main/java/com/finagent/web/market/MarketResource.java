package com.finagent.web.market;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.Comparison;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.OptionsChain;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.Quote;
import com.finagent.application.partner.Scope;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.api.QueryDates;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
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

import java.util.Arrays;
import java.util.List;

/** Quotes, history and side-by-side comparison; every answer names the source that supplied it. */
@Path("/market")
@Authenticated
@RequiresScope(Scope.MARKET_READ)
@Tag(name = "Market data")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    @EJB
    MarketDataService market;

    @GET
    @Path("/quote/{symbol}")
    @Operation(summary = "The latest price of a symbol")
    public Quote quote(@PathParam("symbol") String symbol) {
        return market.quote(symbol);
    }

    @GET
    @Path("/history/{symbol}")
    @Operation(summary = "Daily, weekly or monthly bars between two dates (ISO-8601, inclusive)")
    public PriceSeries history(@PathParam("symbol") String symbol, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("interval") @DefaultValue("1d") String interval) {
        return market.history(symbol, QueryDates.parse("from", from), QueryDates.parse("to", to), interval);
    }

    @GET
    @Path("/options/{symbol}")
    @Operation(summary = "The options chain of an underlying symbol (Polygon.io)")
    public OptionsChain options(@PathParam("symbol") String symbol) {
        return market.options(symbol);
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Normalised performance, correlation and volatility of 2 to 10 symbols side by side")
    public Comparison compare(@QueryParam("symbols") String symbols, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        if (symbols == null || symbols.isBlank()) {
            throw FinAgentException.invalidField("symbols", "give 2 to 10 comma-separated symbols");
        }
        List<String> list = Arrays.stream(symbols.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return market.compare(list, QueryDates.parse("from", from), QueryDates.parse("to", to));
    }
}
