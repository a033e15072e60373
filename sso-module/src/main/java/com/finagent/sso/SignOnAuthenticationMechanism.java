package com.finagent.sso;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the OpenID Connect mechanism the one of this WAR. The container registers the API's MicroProfile JWT mechanism
 * where every module of the EAR sees it, so Jakarta Security would find two here; as the module's selected alternative
 * this bean is the one it resolves, and it hands each request to the OpenID Connect mechanism that
 * {@link SingleSignOnMechanism} defines. Left out with it when no provider is configured ({@link SingleSignOnActivation}).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SignOnAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String OPENID_CONNECT = "org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism";

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        return openIdConnect().validateRequest(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        openIdConnect().cleanSubject(request, response, context);
    }

    /** The mechanism's own bean, by its class (Soteria's, loaded by name: it is no API to compile against). */
    private HttpAuthenticationMechanism openIdConnect() {
        HttpAuthenticationMechanism found = delegate;
        if (found == null) {
            Class<?> type;
            try {
                type = Class.forName(OPENID_CONNECT, true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The server has no OpenID Connect mechanism", e);
            }
            Bean<?> bean = beans.resolve(beans.getBeans(type));
            if (bean == null) {
                throw new IllegalStateException("The OpenID Connect mechanism is not active");
            }
            found = (HttpAuthenticationMechanism) beans.getReference(bean, type, beans.createCreationalContext(bean));
            delegate = found;
        }
        return found;
    }
}
