package com.finagent.application.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** StockTwits' public streams API (version 2), as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface StockTwitsApi {

    /**
     * The latest messages about a symbol: {@code {"response": {"status": 200}, "symbol": {...}, "cursor": {...},
     * "messages": [{"id", "body", "created_at", "user": {"username", ...}, "symbols": [{"symbol", ...}],
     * "entities": {"sentiment": {"basic": "Bullish"}}}]}}; an unknown symbol answers 404.
     */
    @GET
    @Path("/api/2/streams/symbol/{symbol}.json")
    Response symbol(@PathParam("symbol") String symbol, @QueryParam("limit") Integer limit);

    /** The latest messages about trending symbols, in the same shape. */
    @GET
    @Path("/api/2/streams/trending.json")
    Response trending(@QueryParam("limit") Integer limit);
}
