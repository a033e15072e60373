package com.finagent.web.search;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.search.SearchRequest;
import com.finagent.application.search.SearchService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.application.partner.Scope;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/**
 * Search across news, SEC filings, social media and market data at once. Each source has its own time-out;
 * a late or failing source is reported in {@code sources} and makes the answer {@code partial}, never an error.
 */
@Path("/search")
@Authenticated
@RequiresScope(Scope.SEARCH_READ)
@Tag(name = "Search")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @EJB
    SearchService search;

    @GET
    @Operation(summary = "Search news, SEC filings, social media and market data in parallel",
            description = "Give q, symbols or both. Results are fused across sources (reciprocal rank fusion) and "
                    + "de-duplicated; each names its source and shows a short snippet with a link.")
    public SearchView search(
            @Parameter(description = "free text, e.g. iPhone sales") @QueryParam("q") String q,
            @Parameter(description = "comma-separated tickers the results must be about, e.g. AAPL,MSFT") @QueryParam("symbols") String symbols,
            @Parameter(description = "comma-separated sources: news, sec, social, market (default: all)") @QueryParam("sources") String sources,
            @Parameter(description = "results wanted, 1 to 100 (default 20)") @QueryParam("limit") String limit) {
        return SearchView.of(search.search(q, list(symbols), list(sources), limit(limit)));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Parsed here: JAX-RS would answer a non-numeric integer parameter with 404 instead of a validation problem. */
    private static Integer limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw FinAgentException.invalidField("limit", "must be a whole number between 1 and " + SearchRequest.MAX_LIMIT);
        }
    }
}
