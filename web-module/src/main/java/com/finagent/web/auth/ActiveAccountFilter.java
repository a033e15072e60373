package com.finagent.web.auth;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.user.AccountStatus;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses tokens of disabled (or deleted) accounts on every request, although the token itself is still valid:
 * {@link AccountStatus} answers from the cluster's cache, so this costs a cache read, not a query.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION + 10)
public class ActiveAccountFilter implements ContainerRequestFilter {

    @Inject
    AccountStatus accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        UserTokens.userId(request.getSecurityContext()).ifPresent(userId -> {
            if (!accounts.isActive(userId)) {
                throw new FinAgentException(ErrorType.AUTHENTICATION,
                        "This account is disabled or no longer exists; ask an administrator");
            }
        });
    }
}
