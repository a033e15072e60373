package com.finagent.web.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The single exception mapper of the API: every failure leaves as {@code application/problem+json}. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    @Inject
    ProblemResponses problems;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return problems.of(exception, uriInfo.getRequestUri().getRawPath());
    }
}
