package com.finagent.sso;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Signs out of the provider as well as of us. Logging out of this WAR makes the OpenID Connect mechanism end its
 * session and send the browser to the provider's end_session_endpoint with the ID token as hint and
 * {@code /sso/signed-out} as post_logout_redirect_uri; the single-page app has already forgotten our token.
 */
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        if (request.getUserPrincipal() != null) {
            request.logout();
        }
        if (!response.isCommitted()) {
            response.sendRedirect("/");
        }
    }
}
