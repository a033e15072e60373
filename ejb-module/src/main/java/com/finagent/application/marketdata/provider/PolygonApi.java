package com.finagent.application.marketdata.provider;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Polygon.io's REST API (the endpoints Fin Agent uses), as a MicroProfile Rest Client. */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public interface PolygonApi {

    /** Daily aggregates: {@code {"status": "OK", "results": [{"o","h","l","c","v","t"}]}}. */
    @GET
    @Path("/aggs/ticker/{ticker}/range/1/day/{from}/{to}")
    Response dailyAggregates(@PathParam("ticker") String ticker, @PathParam("from") String from,
                               @PathParam("to") String to, @QueryParam("adjusted") boolean adjusted,
                               @QueryParam("sort") String sort, @QueryParam("limit") int limit,
                               @HeaderParam("Authorization") String bearer);

    /** The last trade: {@code {"status": "OK", "results": {"p": price, "t": nanoseconds}}}. */
    @GET
    @Path("/last/trade/{ticker}")
    Response lastTrade(@PathParam("ticker") String ticker, @HeaderParam("Authorization") String bearer);
}
