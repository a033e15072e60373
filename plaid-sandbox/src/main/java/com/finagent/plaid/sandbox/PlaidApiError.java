package com.finagent.plaid.sandbox;

import com.plaid.client.model.PlaidError;
import com.plaid.client.model.PlaidErrorType;

import java.util.Locale;

/**
 * A Plaid error response: HTTP status plus Plaid's error object. Thrown by the endpoint code and turned into
 * the response body by the router, which adds the request id. Messages follow Plaid's documented wording.
 */
final class PlaidApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String DOCS = "https://plaid.com/docs/errors/";

    final int status;
    final PlaidErrorType type;
    final String code;
    final String displayMessage;

    PlaidApiError(int status, PlaidErrorType type, String code, String message, String displayMessage) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.displayMessage = displayMessage;
    }

    PlaidError toModel(String requestId) {
        return new PlaidError()
                .errorType(type)
                .errorCode(code)
                .errorMessage(getMessage())
                .displayMessage(displayMessage)
                .requestId(requestId)
                .status(status)
                .documentationUrl(DOCS + docsSection(type) + "/#" + code.toLowerCase(Locale.ROOT));
    }

    private static String docsSection(PlaidErrorType type) {
        return switch (type) {
            case INVALID_REQUEST -> "invalid-request";
            case INVALID_INPUT -> "invalid-input";
            case ITEM_ERROR -> "item";
            case RATE_LIMIT_EXCEEDED -> "rate-limit-exceeded";
            case API_ERROR -> "api";
            case SANDBOX_ERROR -> "sandbox";
            default -> type.getValue().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    static PlaidApiError invalidRequest(String code, String message) {
        return new PlaidApiError(400, PlaidErrorType.INVALID_REQUEST, code, message, null);
    }

    static PlaidApiError invalidInput(String code, String message) {
        return new PlaidApiError(400, PlaidErrorType.INVALID_INPUT, code, message, null);
    }

    static PlaidApiError notFound() {
        return new PlaidApiError(404, PlaidErrorType.INVALID_REQUEST, "NOT_FOUND", "not found", null);
    }

    static PlaidApiError invalidBody() {
        return invalidRequest("INVALID_BODY", "body could not be parsed as JSON");
    }

    static PlaidApiError invalidField(String message) {
        return invalidRequest("INVALID_FIELD", message);
    }

    static PlaidApiError invalidApiKeys() {
        return invalidInput("INVALID_API_KEYS", "invalid client_id or secret provided");
    }

    static PlaidApiError invalidAccessToken() {
        return invalidInput("INVALID_ACCESS_TOKEN", "provided access token is in an invalid format or does not exist. "
                + "expected format: access-<environment>-<identifier>");
    }

    static PlaidApiError itemNotFound() {
        return new PlaidApiError(400, PlaidErrorType.ITEM_ERROR, "ITEM_NOT_FOUND",
                "the Item you requested cannot be found. This Item does not exist, has been previously removed via "
                        + "/item/remove, or has had access removed by the user", null);
    }

    static PlaidApiError itemLoginRequired() {
        return new PlaidApiError(400, PlaidErrorType.ITEM_ERROR, "ITEM_LOGIN_REQUIRED",
                "the login details of this item have changed (credentials, MFA, or required user action) and a user "
                        + "login is required to update this information. use Link's update mode to restore the item "
                        + "to a good state",
                "The login details of this item have changed. Please log in to your bank again.");
    }

    static PlaidApiError invalidCredentials() {
        return new PlaidApiError(400, PlaidErrorType.ITEM_ERROR, "INVALID_CREDENTIALS",
                "the provided credentials were not correct",
                "The provided credentials were not correct. Please try again.");
    }

    static PlaidApiError rateLimitExceeded(String code) {
        return new PlaidApiError(429, PlaidErrorType.RATE_LIMIT_EXCEEDED, code,
                "rate limit exceeded for attempts to access this item. please try again later", null);
    }

    static PlaidApiError internalServerError() {
        return new PlaidApiError(500, PlaidErrorType.API_ERROR, "INTERNAL_SERVER_ERROR",
                "an unexpected error occurred", "Something went wrong. Please try again later.");
    }
}
