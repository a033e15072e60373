package com.finagent.web.spa;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Deep links into the front end (for example {@code /portfolios}) have no file of their own in the static
 * export: serve them the app's {@code index.html} and let its client-side router pick the view.
 * API, WebSocket, documentation, Payara's MicroProfile endpoints (which Payara adds as servlets to the
 * application at the root context) and real files pass through untouched.
 */
@WebFilter(urlPatterns = "/*")
public class SinglePageAppFilter extends HttpFilter {

    private static final List<String> PASS_THROUGH = List.of("/api/", "/ws/", "/webjars/", "/api-docs", "/_next/",
            "/problem", "/health", "/openapi", "/metrics");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isAppRoute(request)) {
            request.getRequestDispatcher("/index.html").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean isAppRoute(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || PASS_THROUGH.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".") && resourceMissing(path);
    }

    private boolean resourceMissing(String path) {
        try {
            return getServletContext().getResource(path) == null
                    && getServletContext().getResource(path + ".html") == null;
        } catch (java.net.MalformedURLException e) {
            return true;
        }
    }
}
