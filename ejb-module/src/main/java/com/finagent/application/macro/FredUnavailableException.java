package com.finagent.application.macro;

/**
 * FRED could not answer for a reason that may pass (server error, network failure, time-out, an unreadable
 * answer): retried and counted by the circuit breaker. The message is shown to users, so it never carries the key.
 */
public class FredUnavailableException extends RuntimeException {

    public FredUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
