package com.finagent.web.spa;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.io.IOException;
import java.net.MalformedURLException;
import java.util.List;

/**
 * Deep links into the front end (for example {@code /portfolios}) have no file of their own in the static
 * export: serve them the app's {@code index.html} and let its client-side router pick the view. Only
 * requests that would fall to the default (static file) servlet are considered, so JAX-RS, the WebSocket
 * endpoints and the servlets Payara adds to the root application ({@code /health}, {@code /openapi})
 * pass through untouched, as do real files. It supports asynchronous requests because it stands in front of the
 * API's server-sent events.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SinglePageAppFilter extends HttpFilter {

    private static final List<String> NEVER_THE_APP = List.of("/api/", "/ws/");

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
        if (request.getHttpServletMapping().getMappingMatch() != MappingMatch.DEFAULT) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || NEVER_THE_APP.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".") && resourceMissing(path);
    }

    private boolean resourceMissing(String path) {
        try {
            return getServletContext().getResource(path) == null;
        } catch (MalformedURLException e) {
            return true;
        }
    }
}
