package com.finagent.application.error;

/** The kinds of failure the API reports, each with its default HTTP status. */
public enum ErrorType {
    VALIDATION("validation", "Invalid request", 400),
    AUTHENTICATION("authentication", "Authentication required", 401),
    AUTHORIZATION("authorization", "Not allowed", 403),
    NOT_FOUND("not_found", "Not found", 404),
    CONFLICT("conflict", "Not possible in the current state", 409),
    EXTERNAL_SERVICE("external_service", "An outside service failed", 502),
    AGENT_EXECUTION("agent_execution", "An agent failed", 500),
    RATE_LIMIT("rate_limit", "Too many requests", 429),
    OVERLOADED("overloaded", "Server busy", 503),
    INTERNAL("internal", "Internal error", 500);

    private final String code;
    private final String title;
    private final int status;

    ErrorType(String code, String title, int status) {
        this.code = code;
        this.title = title;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
