package com.finagent.application.market.provider;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Alpaca's market data API v2 (stocks), as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface AlpacaApi {

    /** Bars: {@code {"bars": [{"t","o","h","l","c","v"}], "next_page_token": ...}}. */
    @GET
    @Path("/v2/stocks/{symbol}/bars")
    Response bars(@PathParam("symbol") String symbol, @QueryParam("timeframe") String timeframe,
                    @QueryParam("start") String start, @QueryParam("end") String end,
                    @QueryParam("adjustment") String adjustment, @QueryParam("limit") int limit,
                    @QueryParam("page_token") String pageToken,
                    @HeaderParam("APCA-API-KEY-ID") String keyId, @HeaderParam("APCA-API-SECRET-KEY") String secret);

    /** The latest trade: {@code {"symbol": ..., "trade": {"p": price, "t": time}}}. */
    @GET
    @Path("/v2/stocks/{symbol}/trades/latest")
    Response latestTrade(@PathParam("symbol") String symbol, @HeaderParam("APCA-API-KEY-ID") String keyId,
                           @HeaderParam("APCA-API-SECRET-KEY") String secret);
}
