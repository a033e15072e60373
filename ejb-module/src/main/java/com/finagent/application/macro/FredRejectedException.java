package com.finagent.application.macro;

/**
 * FRED refused the request: a key it does not know (400 with its own explanation) or too many requests (429).
 * Asking again at once gives the same answer, so it is not retried, and the other series are not asked either.
 */
public class FredRejectedException extends FredUnavailableException {

    public FredRejectedException(String message) {
        super(message, null);
    }
}
