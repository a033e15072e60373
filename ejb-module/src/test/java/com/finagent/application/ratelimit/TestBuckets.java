package com.finagent.application.ratelimit;

import io.github.bucket4j.TimeMeter;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A rate limiter over a real JCache provider (Caffeine's) and a clock the test moves. */
final class TestBuckets implements TimeMeter {

    private static final CacheManager MANAGER = Caching.getCachingProvider(
            "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider").getCacheManager();

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
    final RateLimiter limiter;

    TestBuckets() {
        Cache<String, byte[]> cache = MANAGER.createCache("limits-" + UUID.randomUUID(),
                new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
        limiter = new RateLimiter(cache, this);
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        // Bucket4j accepts only wall clocks for distributed buckets; this one starts at the real time
        return true;
    }
}
