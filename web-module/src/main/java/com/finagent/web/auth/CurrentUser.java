package com.finagent.web.auth;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
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

    public UUID id() {
        String subject = request.getUserPrincipal() instanceof JsonWebToken verified
                ? verified.getSubject() : token.getSubject();
        if (subject == null) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The token names no user");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new FinAgentException(ErrorType.AUTHENTICATION, "The token's subject is not a Fin Agent user");
        }
    }
}
