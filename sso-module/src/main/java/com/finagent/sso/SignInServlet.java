package com.finagent.sso;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.sso.SingleSignOnService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Ends the provider's sign-in in our application. At {@code /login} (which needs an authenticated caller) the mechanism
 * sends the browser to the provider; at {@code /callback} the provider sends it back, the mechanism verifies the
 * answer, and this servlet provisions the account and hands the single-page app a one-time code in the URL fragment
 * (never sent to a server, so it stays out of logs and Referer headers), which the app exchanges for our token.
 */
public class SignInServlet extends HttpServlet {

    /** Where the single-page app picks up the code. */
    static final String APP_LANDING = "/signed-in";

    @Inject
    OpenIdContext openId;

    @EJB
    SingleSignOnService singleSignOn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (request.getUserPrincipal() == null) {
            Problems.send(request, response, ErrorType.AUTHENTICATION, ErrorType.AUTHENTICATION.status(),
                    "The identity provider's sign-in did not complete; start again from the sign-in page");
            return;
        }
        try {
            String code = singleSignOn.signInCode(openId.getIdentityToken().getToken());
            response.sendRedirect(APP_LANDING + "#code=" + code);
        } catch (FinAgentException refused) {
            Problems.send(request, response, refused.getType(), refused.getStatus(), refused.getMessage());
        }
    }
}
