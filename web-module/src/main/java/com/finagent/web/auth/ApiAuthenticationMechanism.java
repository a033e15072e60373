package com.finagent.web.auth;

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
 * Keeps MicroProfile JWT the one authentication mechanism of the API. The container registers every mechanism of the
 * EAR where all its modules see it, so the sign-on WAR's OpenID Connect mechanism would also be a candidate here and
 * Jakarta Security would find two ("ambiguous dependency", a 500 on every request). As the module's selected
 * alternative this bean is the one it resolves, and it hands each request to Payara's MicroProfile JWT mechanism,
 * found by its type's name because that class is no API to compile against. On the way it lets the {@code Bearer}
 * scheme be spelled in any case ({@link BearerScheme}), and it challenges a request without a token for a resource
 * that the container itself protects (Payara's {@code /metrics} servlet, for the role {@code admin}): MicroProfile
 * JWT does nothing there, and Payara then answered an empty 200 instead of a 401.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String MICROPROFILE_JWT =
            "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        AuthenticationStatus status = microProfileJwt().validateRequest(BearerScheme.canonical(request), response,
                context);
        if (status == AuthenticationStatus.NOT_DONE && context.isProtected()) {
            return context.responseUnauthorized();
        }
        return status;
    }

    private HttpAuthenticationMechanism microProfileJwt() {
        HttpAuthenticationMechanism found = delegate;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(candidate -> candidate.getBeanClass().getName().equals(MICROPROFILE_JWT)
                            || candidate.getTypes().stream().anyMatch(type -> type.getTypeName().equals(MICROPROFILE_JWT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("MicroProfile JWT is not active in this module"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            delegate = found;
        }
        return found;
    }
}
