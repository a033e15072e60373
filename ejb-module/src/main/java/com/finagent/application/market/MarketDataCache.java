package com.finagent.application.market;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Answers cached in JCache (Hazelcast in Payara, shared across a cluster): quotes, remote or simulated, for
 * seconds; remote history for hours. Offline history is read from memory and not cached.
 */
@ApplicationScoped
public class MarketDataCache {

    @Inject
    @ConfigProperty(name = "finagent.market.quote-ttl-seconds", defaultValue = "5")
    long quoteTtlSeconds;

    @Inject
    @ConfigProperty(name = "finagent.market.history-ttl-seconds", defaultValue = "21600")
    long historyTtlSeconds;

    /** Payara's own JCache manager, backed by its embedded Hazelcast (not a Hazelcast client). */
    @Inject
    CacheManager manager;

    @Inject
    MarketMetrics metrics;

    private Cache<String, String> quotes;
    private Cache<String, PriceSeries> history;

    @PostConstruct
    void open() {
        quotes = cache(manager, "finagent-quote-strings", String.class, quoteTtlSeconds);
        history = cache(manager, "finagent-history", PriceSeries.class, historyTtlSeconds);
    }

    public Quote quote(String symbol) {
        String encoded = quotes.get(symbol);
        metrics.cacheLookup(MarketMetrics.QUOTES, encoded != null);
        return encoded == null ? null : QuoteCodec.decode(encoded);
    }

    public void putQuote(Quote quote) {
        quotes.put(quote.symbol(), QuoteCodec.encode(quote));
    }

    /** The daily history cached under {@code key}, or null. */
    public PriceSeries history(String key) {
        PriceSeries series = history.get(key);
        metrics.cacheLookup(MarketMetrics.HISTORY, series != null);
        return series;
    }

    public void putHistory(String key, PriceSeries series) {
        history.put(key, series);
    }

    /** The named cache of {@code manager}, created on first use with entries that expire {@code ttlSeconds} after creation. */
    public static <V> Cache<String, V> cache(CacheManager manager, String name, Class<V> type, long ttlSeconds) {
        Cache<String, V> existing = manager.getCache(name, String.class, type);
        if (existing != null) {
            return existing;
        }
        return manager.createCache(name, new MutableConfiguration<String, V>()
                .setTypes(String.class, type)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, ttlSeconds)))
                .setStatisticsEnabled(false));
    }
}
