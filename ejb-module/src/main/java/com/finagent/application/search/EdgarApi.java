package com.finagent.application.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SEC EDGAR's JSON APIs, which live on three hosts, as MicroProfile Rest Clients. EDGAR refuses requests
 * without a User-Agent that names the requester and a contact address. Like every outbound client here, the
 * interfaces carry no class-level {@code @Path}: with one, the server would publish them as routes of our own API.
 */
public final class EdgarApi {

    private EdgarApi() {
    }

    /** www.sec.gov: {@code company_tickers.json}, {@code {"0": {"cik_str", "ticker", "title"}, ...}}. */
    @Produces(MediaType.APPLICATION_JSON)
    public interface Files {
        @GET
        @Path("/files/company_tickers.json")
        Response companyTickers(@HeaderParam("User-Agent") String userAgent);
    }

    /** data.sec.gov: a company's filings, {@code {"cik", "name", "tickers", "filings": {"recent": {...}}}}. */
    @Produces(MediaType.APPLICATION_JSON)
    public interface Submissions {
        @GET
        @Path("/submissions/CIK{cik}.json")
        Response submissions(@PathParam("cik") String paddedCik, @HeaderParam("User-Agent") String userAgent);
    }

    /**
     * efts.sec.gov/LATEST: full-text search of filings since 2001, an Elasticsearch answer {@code {"hits":
     * {"total", "hits": [{"_id": "accession:file", "_source": {"ciks", "display_names", "form", "file_date",
     * "adsh", "period_ending", ...}}]}}}.
     */
    @Produces(MediaType.APPLICATION_JSON)
    public interface FullText {
        @GET
        @Path("/search-index")
        Response search(@QueryParam("q") String query, @QueryParam("forms") String forms, @QueryParam("ciks") String ciks,
                        @HeaderParam("User-Agent") String userAgent);
    }
}
