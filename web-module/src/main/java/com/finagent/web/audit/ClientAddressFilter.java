package com.finagent.web.audit;

import com.finagent.application.audit.ClientAddress;
import com.finagent.application.audit.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Records where each API request comes from in {@link RequestOrigin}, for rate limits and the audit log: the peer
 * address, or the client named by {@code X-Forwarded-For} when the peer is one of the trusted proxies
 * ({@code FINAGENT_TRUSTED_PROXIES}, addresses or CIDR ranges; none by default).
 */
@Provider
@PreMatching
@Priority(100)
public class ClientAddressFilter implements ContainerRequestFilter {

    @Inject
    RequestOrigin origin;

    /** A comma list; Payara's MicroProfile Config cannot inject {@code Optional<List<String>>}. */
    @Inject
    @ConfigProperty(name = "finagent.trusted-proxies")
    Optional<String> trustedProxies;

    @Context
    HttpServletRequest servletRequest;

    private volatile ClientAddress addresses;

    @Override
    public void filter(ContainerRequestContext request) {
        origin.setClientAddress(addresses().resolve(servletRequest.getRemoteAddr(),
                request.getHeaderString("X-Forwarded-For")));
    }

    private ClientAddress addresses() {
        ClientAddress resolver = addresses;
        if (resolver == null) {
            resolver = new ClientAddress(trustedProxies.map(list -> List.of(list.split(","))).orElse(List.of()));
            addresses = resolver;
        }
        return resolver;
    }
}
