package com.finagent.web.ratelimit;

import com.finagent.application.ratelimit.Consumption;
import jakarta.ws.rs.core.MultivaluedMap;

/** The IETF RateLimit header fields draft's {@code RateLimit-*} fields, and {@code Retry-After} when refused. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void write(Consumption consumption, MultivaluedMap<String, Object> headers) {
        headers.putSingle("RateLimit-Limit", consumption.limit());
        headers.putSingle("RateLimit-Remaining", consumption.remaining());
        headers.putSingle("RateLimit-Reset", consumption.resetSeconds());
        if (!consumption.allowed()) {
            headers.putSingle("Retry-After", Math.max(1, consumption.retryAfterSeconds()));
        }
    }
}
