package com.finagent.sso;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers the sign-in pages only when a provider is configured; otherwise every address of this WAR answers 404
 * (as a problem), and the application signs in with local accounts alone.
 */
@WebListener
public class SignOnPages implements ServletContextListener {

    /** Any authenticated caller: asking for /login without one starts the OpenID Connect flow. */
    private static final String ANY_AUTHENTICATED = "**";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!SingleSignOnActivation.configured()) {
            return;
        }
        var context = event.getServletContext();
        ServletRegistration.Dynamic signIn = context.addServlet("sign-in", SignInServlet.class);
        signIn.addMapping("/login");
        signIn.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(TransportGuarantee.NONE, ANY_AUTHENTICATED)));
        // The provider's redirect must not need an authenticated caller, or the mechanism would start over.
        context.addServlet("callback", SignInServlet.class).addMapping("/callback");
        context.addServlet("sign-out", SignOutServlet.class).addMapping("/logout");
        context.addServlet("signed-out", SignedOutServlet.class).addMapping("/signed-out");
    }
}
