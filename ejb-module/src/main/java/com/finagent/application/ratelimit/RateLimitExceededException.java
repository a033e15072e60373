package com.finagent.application.ratelimit;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;

import java.util.List;

/**
 * A request over a rate limit: answered 429 with {@code Retry-After} and the {@code RateLimit-*} header fields
 * taken from {@link #consumption()}.
 */
public class RateLimitExceededException extends FinAgentException {

    private final transient Consumption consumption;

    public RateLimitExceededException(String message, Consumption consumption) {
        super(ErrorType.RATE_LIMIT, ErrorType.RATE_LIMIT.status(), message, List.of(), null);
        this.consumption = consumption;
    }

    public Consumption consumption() {
        return consumption;
    }
}
