package com.finagent.application.search;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.Quote;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;

/**
 * Searches news, SEC filings, social media and market data at once, on the container's managed executor, each
 * source within its own time-out; a late or failing source makes the answer partial, never the search fail.
 * The work is done by {@link ParallelSearch} and the sources, plain Java; this bean supplies the executor,
 * the configured sources and market data.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchService {

    @Resource
    ManagedExecutorService executor;

    @Inject
    SearchSources sources;

    @EJB
    MarketDataService market;

    /**
     * Validates and runs a search.
     *
     * @param query free text; may be blank when symbols are given
     * @param symbols tickers the results must be about; may be empty when a query is given
     * @param sourceNames {@code news}, {@code sec}, {@code social}, {@code market}; all when empty
     * @param limit results wanted, 1 to 100; 20 when null
     * @throws FinAgentException a validation problem naming the field ({@code q}, {@code symbols}, {@code sources}, {@code limit})
     */
    public SearchResponse search(String query, List<String> symbols, List<String> sourceNames, Integer limit) {
        return search(query, symbols, sourceNames, limit, null);
    }

    /** As {@link #search(String, List, List, Integer)}, finding only what is dated before {@code before} (if not null). */
    public SearchResponse search(String query, List<String> symbols, List<String> sourceNames, Integer limit,
                                 LocalDate before) {
        SearchRequest request;
        try {
            request = SearchRequest.of(query, symbols, sourceNames, limit).before(before);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "q");
        }
        return search(request);
    }

    public SearchResponse search(SearchRequest request) {
        MarketSource marketSource = new MarketSource(new MarketSource.MarketLookup() {
            @Override
            public Quote quote(String symbol) {
                return market.quote(symbol);
            }

            @Override
            public PriceSeries dailyHistory(String symbol) {
                return market.history(symbol, null, null, "1d");
            }
        });
        return new ParallelSearch(executor, sources::timeout).run(request, sources.sources(marketSource));
    }
}
