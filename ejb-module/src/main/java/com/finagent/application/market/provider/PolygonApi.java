package com.finagent.application.market.provider;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Polygon.io's REST API (the endpoints Fin Agent uses), as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface PolygonApi {

    /** Daily aggregates: {@code {"status": "OK", "results": [{"o","h","l","c","v","t"}]}}. */
    @GET
    @Path("/v2/aggs/ticker/{ticker}/range/1/day/{from}/{to}")
    Response dailyAggregates(@PathParam("ticker") String ticker, @PathParam("from") String from,
                               @PathParam("to") String to, @QueryParam("adjusted") boolean adjusted,
                               @QueryParam("sort") String sort, @QueryParam("limit") int limit,
                               @HeaderParam("Authorization") String bearer);

    /**
     * Options chain snapshot of an underlying: {@code {"status": "OK", "results": [{"details": {"contract_type",
     * "expiration_date", "strike_price", "ticker"}, "day": {"close", "volume"}, "open_interest",
     * "implied_volatility"}], "next_url": ...}}.
     */
    @GET
    @Path("/v3/snapshot/options/{underlying}")
    Response optionsChain(@PathParam("underlying") String underlying, @QueryParam("limit") int limit,
                          @HeaderParam("Authorization") String bearer);

    /** The last trade: {@code {"status": "OK", "results": {"p": price, "t": nanoseconds}}}. */
    @GET
    @Path("/v2/last/trade/{ticker}")
    Response lastTrade(@PathParam("ticker") String ticker, @HeaderParam("Authorization") String bearer);
}
