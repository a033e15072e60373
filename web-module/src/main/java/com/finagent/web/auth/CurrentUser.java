package com.finagent.web.auth;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.partner.ActiveClient;
import com.finagent.web.auth.ClientClaims;
import com.finagent.web.auth.CurrentClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The signed-in user of the current request, as named by the verified token's subject: our own token's, or the
 * subject that single sign-on gives a provider's token ({@code ProviderPrincipal}).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    @Inject
    CurrentClient currentClient;

    /** The user; a partner client's token is refused (403), since it speaks for no user. */
    public UUID id() {
        JsonWebToken verified = verifiedToken();
        if (ClientClaims.clientId(verified) != null) {
            throw new FinAgentException(ErrorType.AUTHORIZATION,
                    "This endpoint serves a user's own data and needs a user's token, not a partner client's");
        }
        String subject = verified.getSubject();
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
        if (ClientClaims.clientId(verifiedToken()) == null) {
            return id();
        }
        return currentClient.get().map(ActiveClient::ownerUserId).orElseThrow(() -> new FinAgentException(
                ErrorType.AUTHENTICATION, "This partner client has been revoked; its tokens no longer work"));
    }

    /** Our own token as MicroProfile JWT verified it, or the provider's token as single sign-on shaped it. */
    private JsonWebToken verifiedToken() {
        return request.getUserPrincipal() instanceof JsonWebToken principal ? principal : token;
    }
}
