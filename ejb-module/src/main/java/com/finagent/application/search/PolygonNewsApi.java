package com.finagent.application.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Polygon.io's news endpoint, as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface PolygonNewsApi {

    /**
     * The latest articles, on one ticker when given: {@code {"status": "OK", "count", "results": [{"id",
     * "publisher": {"name", ...}, "title", "author", "published_utc", "article_url", "tickers": [...],
     * "description", "keywords": [...], "insights": [...]}], "next_url"}}.
     */
    @GET
    @Path("/v2/reference/news")
    Response news(@QueryParam("ticker") String ticker, @QueryParam("limit") int limit, @QueryParam("order") String order,
                  @QueryParam("sort") String sort, @QueryParam("apiKey") String apiKey);
}
