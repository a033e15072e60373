package com.finagent.web.spa;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Deep links into the front end (for example {@code /portfolios}) have no file of their own in the static
 * export: serve them the app's {@code index.html} and let its client-side router pick the view.
 * API, WebSocket, documentation and real files pass through untouched.
 */
@WebFilter(urlPatterns = "/*")
public class SinglePageAppFilter extends HttpFilter {

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
        if (path.isEmpty() || path.equals("/") || path.startsWith("/api/") || path.startsWith("/ws/")
                || path.startsWith("/webjars/") || path.startsWith("/api-docs") || path.startsWith("/_next/")
                || path.equals("/problem")) {
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
