package com.finagent.application.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit: at most {@code capacity} requests per {@code period}, refilled evenly over the period (a token
 * bucket), so a client that has used the whole budget regains one request every {@code period / capacity}.
 *
 * @param name     what is limited, e.g. {@code signin-ip}; buckets of different limits never share state
 * @param capacity requests allowed per period, at least 1
 * @param period   the period, between one second and {@link RateLimiter#MAX_PERIOD}
 */
public record Limit(String name, long capacity, Duration period) {

    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("A limit's name must be non-blank and without ':'");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("A limit allows at least one request, not " + capacity);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(RateLimiter.MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("A limit's period must be 1 s to " + RateLimiter.MAX_PERIOD + ", not " + period);
        }
    }

    /** {@code capacity} requests a minute. */
    public static Limit perMinute(String name, long capacity) {
        return new Limit(name, capacity, Duration.ofMinutes(1));
    }
}
