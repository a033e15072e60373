package com.finagent.web.auth;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rejects requests to {@link Authenticated} resources that carry no verified token. MicroProfile JWT
 * has already verified signature, issuer and expiry by the time this runs; a request without a token
 * reaches here unauthenticated.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken)) {
            throw new FinAgentException(ErrorType.AUTHENTICATION,
                    "This endpoint needs an 'Authorization: Bearer <token>' header; get a token from POST /api/v1/auth/token");
        }
    }
}
