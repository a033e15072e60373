package com.finagent.application.search;

/**
 * A remote search service could not answer (network failure, time-out, an error status, an unreadable answer).
 * The message names the service and the reason and is shown to clients, so it never carries keys or internals.
 */
public class SourceUnavailableException extends RuntimeException {

    private final String service;
    private final boolean timedOut;

    public SourceUnavailableException(String service, String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.timedOut = timedOut;
    }

    public String service() {
        return service;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
