package com.finagent.application.ratelimit;

/**
 * The answer of a rate limiter for one request, in the terms of the IETF RateLimit header fields draft.
 *
 * @param allowed           whether the request was within the limit (and used one request of it)
 * @param limit             requests allowed per period ({@code RateLimit-Limit})
 * @param remaining         requests left now ({@code RateLimit-Remaining})
 * @param resetSeconds      seconds until the whole budget is back ({@code RateLimit-Reset})
 * @param retryAfterSeconds seconds until the next request is allowed; 0 when it is allowed now ({@code Retry-After})
 */
public record Consumption(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
