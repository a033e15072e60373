package com.finagent.application.market.provider;

/** A provider failed for a reason that may pass (server error, rate limit, timeout, network): retried, counted by the breaker. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
