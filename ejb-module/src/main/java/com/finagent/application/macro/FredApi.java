package com.finagent.application.macro;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The St. Louis Fed's FRED API, as a MicroProfile Rest Client. */
@Produces(MediaType.APPLICATION_JSON)
public interface FredApi {

    /**
     * A series' observations from {@code observation_start}: {@code {"realtime_start", "realtime_end",
     * "observation_start", "units", "sort_order", "count", "observations": [{"realtime_start", "realtime_end",
     * "date": "2024-01-01", "value": "308.417"}]}}, a value of {@code "."} being a missing observation. A bad key
     * or series answers 400 with {@code {"error_code": 400, "error_message": "Bad Request.  ..."}}, too many
     * requests 429.
     */
    @GET
    @Path("/fred/series/observations")
    Response observations(@QueryParam("series_id") String seriesId, @QueryParam("api_key") String apiKey,
                          @QueryParam("file_type") String fileType, @QueryParam("observation_start") String start,
                          @QueryParam("sort_order") String sortOrder);
}
