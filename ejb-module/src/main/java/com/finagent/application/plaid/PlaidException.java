package com.finagent.application.plaid;

/**
 * Plaid refused or failed a call. Carries Plaid's own error object (type, code, messages) and the HTTP status;
 * a network failure has status 0 and type {@code NETWORK}.
 */
public class PlaidException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String errorCode;
    private final String displayMessage;

    public PlaidException(int status, String errorType, String errorCode, String message, String displayMessage,
                          Throwable cause) {
        super(errorCode + ": " + message, cause);
        this.status = status;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.displayMessage = displayMessage;
    }

    /** Worth trying again later: rate limits, Plaid's own outages and network failures. */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }

    /**
     * The item itself is in trouble (login required, consent expired, ...): only the user can fix it, so the
     * item is marked {@code error} with this reason rather than retried.
     */
    public boolean isItemError() {
        return "ITEM_ERROR".equals(errorType);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Plaid's message for end users, when it gives one. */
    public String displayMessage() {
        return displayMessage;
    }
}
