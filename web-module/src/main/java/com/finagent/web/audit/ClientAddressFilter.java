package com.finagent.web.audit;

import com.finagent.application.audit.ClientAddress;
import com.finagent.application.audit.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Records where each API request comes from in {@link RequestOrigin}, for rate limits and the audit log: the peer
 * address, or the client named by {@code X-Forwarded-For} when the peer is one of the trusted proxies
 * ({@code FINAGENT_TRUSTED_PROXIES}, a comma list of addresses or CIDR ranges; none by default). A servlet filter,
 * since JAX-RS providers that CDI manages do not reliably get the servlet request injected.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {

    @Inject
    RequestOrigin origin;

    /** A comma list; Payara's MicroProfile Config cannot inject {@code Optional<List<String>>}. */
    @Inject
    @ConfigProperty(name = "finagent.trusted-proxies")
    Optional<String> trustedProxies;

    private volatile ClientAddress addresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setClientAddress(addresses().resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
        chain.doFilter(request, response);
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
