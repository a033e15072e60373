package com.finagent.application.market.provider;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Yahoo Finance's chart endpoint, as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface YahooChartApi {

    /**
     * {@code {"chart": {"result": [{"meta": {"regularMarketPrice": ...}, "timestamp": [...],
     * "indicators": {"quote": [{"open": [...], "high": [...], "low": [...], "close": [...], "volume": [...]}]}}],
     * "error": null}}}.
     */
    @GET
    @Path("/v8/finance/chart/{symbol}")
    Response chart(@PathParam("symbol") String symbol, @QueryParam("period1") long period1,
                     @QueryParam("period2") long period2, @QueryParam("interval") String interval);
}
