package com.finagent.application.partner;

import jakarta.ejb.ApplicationException;

/**
 * A token request refused with one of the error codes of RFC 6749 section 5.2. The token endpoint answers it
 * in OAuth's own JSON shape, which partners' OAuth libraries read, rather than as a problem document.
 */
@ApplicationException(rollback = true)
public class TokenRequestException extends RuntimeException {

    /** The codes of RFC 6749 section 5.2 that the client-credentials grant can produce. */
    public enum Error {
        INVALID_REQUEST("invalid_request", 400),
        INVALID_CLIENT("invalid_client", 401),
        UNAUTHORIZED_CLIENT("unauthorized_client", 400),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
        INVALID_SCOPE("invalid_scope", 400);

        private final String code;
        private final int status;

        Error(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Error error;

    public TokenRequestException(Error error, String description) {
        super(description);
        this.error = error;
    }

    public Error getError() {
        return error;
    }
}
