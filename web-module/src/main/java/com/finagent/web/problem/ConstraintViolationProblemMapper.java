package com.finagent.web.problem;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of request bodies and parameters. Needed beside {@link ProblemExceptionMapper}
 * because Jersey's own mapper for {@code ValidationException} is more specific than {@code Throwable}.
 */
@Provider
public class ConstraintViolationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Inject
    ProblemResponses problems;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return problems.of(exception, uriInfo.getRequestUri().getRawPath());
    }
}
