package com.finagent.application.error;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * The one exception type that services throw for failures a client should hear about. Its message is
 * shown to the client, so it must never carry secrets or internals. Rolls back the container transaction.
 */
@ApplicationException(rollback = true)
public class FinAgentException extends RuntimeException {

    private final ErrorType type;
    private final int status;
    private final List<FieldError> fieldErrors;

    public FinAgentException(ErrorType type, String message) {
        this(type, type.status(), message, List.of(), null);
    }

    public FinAgentException(ErrorType type, int status, String message, List<FieldError> fieldErrors, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static FinAgentException notFound(String what, Object id) {
        return new FinAgentException(ErrorType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static FinAgentException invalidField(String field, String message) {
        return new FinAgentException(ErrorType.VALIDATION, ErrorType.VALIDATION.status(),
                field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    /**
     * A validation problem from an input error raised as {@code IllegalArgumentException("field: problem")}
     * by the computational core; a message without a field prefix is attributed to {@code defaultField}.
     */
    public static FinAgentException fromInvalidInput(IllegalArgumentException invalid, String defaultField) {
        String message = invalid.getMessage() == null ? "is invalid" : invalid.getMessage();
        int colon = message.indexOf(':');
        return colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]]+")
                ? invalidField(message.substring(0, colon), message.substring(colon + 1).strip())
                : invalidField(defaultField, message);
    }

    public ErrorType getType() {
        return type;
    }

    public int getStatus() {
        return status;
    }

    public List<FieldError> getFieldErrors() {
        return fieldErrors;
    }
}
