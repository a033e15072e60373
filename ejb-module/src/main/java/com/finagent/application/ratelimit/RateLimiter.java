package com.finagent.application.ratelimit;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token-bucket rate limits (Bucket4j) whose buckets live in JCache: in Payara that is its Hazelcast, so a limit
 * holds across every instance of a cluster, not per JVM. Bucket4j changes a bucket with a JCache entry processor,
 * which the cache applies atomically where the entry lives.
 */
@ApplicationScoped
public class RateLimiter {

    /** The longest period a {@link Limit} may have: an untouched bucket is dropped after it, being full again. */
    public static final Duration MAX_PERIOD = Duration.ofHours(1);

    static final String CACHE_NAME = "finagent-rate-limits";

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Payara's own JCache manager, as {@code MarketDataCache} uses. */
    @Inject
    CacheManager manager;

    /** Counts refusals; none for a limiter that unit tests build without CDI. */
    @Inject
    RateLimitMetrics metrics;

    private ProxyManager<String> buckets;

    protected RateLimiter() {
    }

    /** A limiter over {@code cache} on {@code clock} (tests give it any JCache provider's cache and their own clock). */
    RateLimiter(Cache<String, byte[]> cache, TimeMeter clock) {
        this.buckets = Bucket4jJCache.entryProcessorBasedBuilder(cache).clientClock(clock).build();
    }

    @PostConstruct
    void open() {
        buckets = Bucket4jJCache.entryProcessorBasedBuilder(cache(manager)).build();
    }

    /**
     * Uses one request of {@code limit} for {@code key} (a user id, a normalised e-mail, a client address, a
     * client id) if the budget allows it.
     */
    public Consumption consume(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed() && metrics != null) {
            metrics.refused(limit);
        }
        return new Consumption(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
    }

    /** Like {@link #consume}, but throws {@link RateLimitExceededException} with {@code message} when over the limit. */
    public Consumption enforce(String key, Limit limit, String message) {
        Consumption consumption = consume(key, limit);
        if (!consumption.allowed()) {
            throw new RateLimitExceededException(message, consumption);
        }
        return consumption;
    }

    /** Whether one more request of {@code limit} would be allowed for {@code key}, without using it. */
    public Consumption peek(String key, Limit limit) {
        BucketProxy bucket = bucket(key, limit);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        long remaining = probe.getRemainingTokens();
        long reset = seconds(Math.max(0, limit.capacity() - remaining) * limit.period().toNanos() / limit.capacity());
        return new Consumption(probe.canBeConsumed(), limit.capacity(), remaining, reset,
                probe.canBeConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
    }

    /** Gives {@code key} the whole budget of {@code limit} again (e.g. after a successful sign-in). */
    public void reset(String key, Limit limit) {
        buckets.removeProxy(bucketKey(key, limit));
    }

    private BucketProxy bucket(String key, Limit limit) {
        return buckets.builder().build(bucketKey(key, limit), () -> configuration(limit));
    }

    /** The limit's capacity and period are part of the key, so a changed configuration starts fresh buckets. */
    private static String bucketKey(String key, Limit limit) {
        return limit.name() + ":" + limit.capacity() + "/" + limit.period().toSeconds() + ":" + key;
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    /** Whole seconds, rounded up: a client told 0 would retry at once and be refused again. */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private static Cache<String, byte[]> cache(CacheManager manager) {
        Cache<String, byte[]> existing = manager.getCache(CACHE_NAME, String.class, byte[].class);
        if (existing != null) {
            return existing;
        }
        try {
            return manager.createCache(CACHE_NAME, new MutableConfiguration<String, byte[]>()
                    .setTypes(String.class, byte[].class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, MAX_PERIOD.toSeconds())))
                    .setStatisticsEnabled(false));
        } catch (CacheException createdMeanwhile) {
            // another instance of the cluster created it first
            return manager.getCache(CACHE_NAME, String.class, byte[].class);
        }
    }
}
