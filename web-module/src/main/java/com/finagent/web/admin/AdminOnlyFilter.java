package com.finagent.web.admin;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.persistence.user.AppUser;
import com.finagent.web.auth.UserTokens;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Answers 403 to {@link AdminOnly} resources unless the verified token has {@code admin} in its groups. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!UserTokens.hasGroup(request.getSecurityContext(), AppUser.ROLE_ADMIN)) {
            throw new FinAgentException(ErrorType.AUTHORIZATION, "Only administrators may do this");
        }
    }
}
