package com.finagent.web.graphql;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.ratelimit.Consumption;
import com.finagent.application.ratelimit.Limit;
import com.finagent.application.ratelimit.RateLimitExceededException;
import com.finagent.application.ratelimit.RateLimiter;
import com.finagent.application.user.AccountStatus;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.problem.Problem;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.ScanningContext;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The REST API's gate in front of SmallRye GraphQL's servlet, which knows nothing of our JAX-RS filters: a request
 * without a verified user's token is answered with the same 401 or 403 problem the REST API gives (no token, a
 * partner client's token, a disabled account), and a user's request counts against the same per-user limit
 * ({@code FINAGENT_RATE_LIMIT_API_PER_MINUTE}). MicroProfile JWT has verified the token before this runs. Only the
 * schema document stays public, as {@code /openapi} does.
 */
@WebFilter(urlPatterns = {"/graphql", "/graphql/*"})
public class GraphQlAccessFilter extends HttpFilter {

    static final String SCHEMA = "/graphql/schema.graphql";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountStatus accounts;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "finagent.rate-limit.api-per-minute", defaultValue = "600")
    long perMinute;

    /**
     * Filters start after the listeners, on the thread that deployed the application: SmallRye's start-up listener
     * left the class index it built the schema from in a thread-local of that thread, which would keep the
     * application's classes after undeployment.
     */
    @Override
    public void init() {
        ScanningContext.remove();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(SCHEMA) && "GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            admit(request);
        } catch (RateLimitExceededException e) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, e.consumption().retryAfterSeconds())));
            refuse(response, e, path);
            return;
        } catch (FinAgentException e) {
            refuse(response, e, path);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            // SmallRye's servlet reads the body with JSON-P and lets a parse failure escape as a server error.
            if (!malformedBody(failure) || response.isCommitted()) {
                throw failure;
            }
            refuse(response, new FinAgentException(ErrorType.VALIDATION,
                    "The request body must be a JSON object with a 'query' string"), path);
        } finally {
            // SmallRye keeps each request's context (query, variables, the caller's answer) in a thread-local that
            // it does not clear: the pooled thread must not carry it into the next request, nor keep the
            // application's classes after undeployment.
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    private static boolean malformedBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    private void admit(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw new FinAgentException(ErrorType.AUTHENTICATION,
                    "GraphQL needs an 'Authorization: Bearer <token>' header; get a token from POST /api/v1/auth/token");
        }
        UUID userId = currentUser.id();
        if (!accounts.isActive(userId)) {
            throw new FinAgentException(ErrorType.AUTHENTICATION,
                    "This account is disabled or no longer exists; ask an administrator");
        }
        Consumption consumption = limiter.consume(userId.toString(), Limit.perMinute("api-user", perMinute));
        if (!consumption.allowed()) {
            throw new RateLimitExceededException("Too many requests for this account; slow down", consumption);
        }
    }

    private static void refuse(HttpServletResponse response, FinAgentException failure, String path)
            throws IOException {
        Problem problem = Problem.of(failure.getType(), failure.getStatus(), failure.getMessage(), path, List.of());
        response.setStatus(failure.getStatus());
        if (failure.getStatus() == 401) {
            response.setHeader("WWW-Authenticate", Problem.BEARER_CHALLENGE);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(problem));
    }
}
