package com.finagent.web.problem;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the error type; {@code errors}
 * lists field errors for validation problems and is absent otherwise.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    /** What every 401 asks for (RFC 6750 section 3): a bearer token. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"finagent\"";

    public static Problem of(ErrorType errorType, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem("/problems/" + errorType.code(), errorType.title(), status, detail, instance,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON).entity(this);
        if (status == 401) {
            response.header("WWW-Authenticate", BEARER_CHALLENGE);
        }
        return response.build();
    }
}
