package com.finagent.web.partner;

import com.finagent.web.auth.CurrentClient;

import com.finagent.web.auth.ClientClaims;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.partner.ActiveClient;
import com.finagent.application.partner.PartnerClientService;
import com.finagent.web.auth.Authenticated;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Decides what a partner client's token may reach. A client that was revoked since its token was issued gets
 * 401 (looked up on every request); an {@link Authenticated} resource without {@link RequiresScope} serves a
 * user's own data and answers 403; a missing scope answers 403 naming it. Users' tokens pass untouched, and
 * public resources stay public.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ClientAccessFilter implements ContainerRequestFilter {

    @EJB
    PartnerClientService partnerClients;

    @Inject
    CurrentClient currentClient;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String clientId = ClientClaims.clientId(token);
        if (clientId == null) {
            return;
        }
        ActiveClient client = partnerClients.active(clientId).orElseThrow(() -> new FinAgentException(
                ErrorType.AUTHENTICATION, "This partner client has been revoked; its tokens no longer work"));
        currentClient.set(client);
        if (!isAuthenticated()) {
            return;
        }
        RequiresScope required = requiredScope();
        if (required == null) {
            throw new FinAgentException(ErrorType.AUTHORIZATION,
                    "This endpoint serves a user's own data and needs a user's token, not a partner client's");
        }
        List<String> granted = ClientClaims.scopes(token);
        String needed = required.value().value();
        if (!granted.contains(needed)) {
            throw new FinAgentException(ErrorType.AUTHORIZATION,
                    "This endpoint needs the scope '" + needed + "', which this token was not granted");
        }
    }

    private boolean isAuthenticated() {
        return resourceInfo.getResourceClass() != null
                && (resourceInfo.getResourceClass().isAnnotationPresent(Authenticated.class)
                || resourceInfo.getResourceMethod().isAnnotationPresent(Authenticated.class));
    }

    private RequiresScope requiredScope() {
        RequiresScope onMethod = resourceInfo.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
