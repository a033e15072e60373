package com.finagent.web.auth;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.partner.ActiveClient;
import com.finagent.web.partner.ClientClaims;
import com.finagent.web.partner.CurrentClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The signed-in user of the current request, as named by the verified token's subject. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    @Inject
    CurrentClient currentClient;

    /** The user; a partner client's token is refused (403), since it speaks for no user. */
    public UUID id() {
        if (ClientClaims.clientId(token) != null) {
            throw new FinAgentException(ErrorType.AUTHORIZATION,
                    "This endpoint serves a user's own data and needs a user's token, not a partner client's");
        }
        String subject = token.getSubject();
        if (subject == null) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The token names no user");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The token's subject is not a Fin Agent user");
        }
    }

    /**
     * Who owns what this request creates or reads: the user, or for a partner client its own account, so that a
     * client sees only its own debates as a user sees only theirs.
     */
    public UUID ownerId() {
        if (ClientClaims.clientId(token) == null) {
            return id();
        }
        return currentClient.get().map(ActiveClient::ownerUserId).orElseThrow(() -> new FinAgentException(
                ErrorType.AUTHENTICATION, "This partner client has been revoked; its tokens no longer work"));
    }
}
