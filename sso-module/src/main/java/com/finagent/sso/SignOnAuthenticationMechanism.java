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

    private HttpAuthenticationMechanism openIdConnect() {
        HttpAuthenticationMechanism found = delegate;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(candidate -> candidate.getBeanClass().getName().equals(OPENID_CONNECT)
                            || candidate.getTypes().stream().anyMatch(type -> type.getTypeName().equals(OPENID_CONNECT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The OpenID Connect mechanism is not active"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            delegate = found;
        }
        return found;
    }
}
