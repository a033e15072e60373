package com.finagent.web.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The headers every response of ours carries: a content security policy (see {@link ContentSecurityPolicy}), no
 * MIME sniffing, no referrer sent to other sites, no framing, HSTS when the request came over TLS, and
 * {@code Cache-Control: no-store} on the API, whose answers are tokens and personal data that no shared or browser
 * cache should keep. Set before the chain runs, so they are in place whichever servlet answers, errors included.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private ContentSecurityPolicy policy;

    @Override
    public void init() {
        policy = ContentSecurityPolicy.forPages(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy.header());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            // Browsers ignore HSTS received over plain HTTP, so a forged X-Forwarded-Proto gains nothing.
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
