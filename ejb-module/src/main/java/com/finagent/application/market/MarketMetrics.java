package com.finagent.application.market;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Market data as operators watch it: calls to the remote providers by provider and outcome
 * ({@code finagent_market_provider_calls_total{provider,outcome}}: success, unknown_symbol, failure; a failure
 * includes a call refused by an open circuit breaker, whose state Fault Tolerance's own {@code ft_*} metrics show),
 * and JCache lookups by cache and result ({@code finagent_cache_lookups_total{cache,result}}) with each cache's
 * hit ratio since start ({@code finagent_cache_hit_ratio{cache}}): quotes, history, and the macro snapshot from FRED.
 */
@ApplicationScoped
public class MarketMetrics {

    static final String QUOTES = "quotes";
    static final String HISTORY = "history";
    /** The cache of the macro snapshot that FRED's series make. */
    public static final String MACRO = "macro";

    private static final Metadata LOOKUPS = Metadata.builder().withName("finagent_cache_lookups")
            .withDescription("JCache lookups of market and macro data, by cache and result (hit, miss)").build();

    @Inject
    MetricRegistry registry;

    @PostConstruct
    void register() {
        for (String cache : new String[] {QUOTES, HISTORY, MACRO}) {
            Counter hits = lookups(cache, "hit");
            Counter misses = lookups(cache, "miss");
            registry.gauge(Metadata.builder().withName("finagent_cache_hit_ratio")
                            .withDescription("Share of JCache lookups of market and macro data answered from the cache").build(),
                    hits, h -> h.getCount() + misses.getCount() == 0 ? 0.0
                            : (double) h.getCount() / (h.getCount() + misses.getCount()), new Tag("cache", cache));
        }
    }

    /** A call to {@code provider} ended with {@code outcome}. */
    public void providerCall(String provider, String outcome) {
        registry.counter(Metadata.builder().withName("finagent_market_provider_calls")
                        .withDescription("Calls to remote market-data providers, by provider and outcome").build(),
                new Tag("provider", provider), new Tag("outcome", outcome)).inc();
    }

    /** A lookup in {@code cache} hit or missed. */
    public void cacheLookup(String cache, boolean hit) {
        lookups(cache, hit ? "hit" : "miss").inc();
    }

    private Counter lookups(String cache, String result) {
        return registry.counter(LOOKUPS, new Tag("cache", cache), new Tag("result", result));
    }
}
