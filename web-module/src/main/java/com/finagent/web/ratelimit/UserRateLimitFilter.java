package com.finagent.web.ratelimit;

import com.finagent.application.ratelimit.Consumption;
import com.finagent.application.ratelimit.Limit;
import com.finagent.application.ratelimit.RateLimitExceededException;
import com.finagent.application.ratelimit.RateLimiter;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.UserTokens;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * The per-user limit on the API for users' tokens ({@code FINAGENT_RATE_LIMIT_API_PER_MINUTE}), held across the
 * cluster. Every answer carries the {@code RateLimit-*} fields; over the limit it is a 429 problem with
 * {@code Retry-After}. Partner clients' tokens have their own limits.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHORIZATION - 100)
public class UserRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CONSUMPTION = UserRateLimitFilter.class.getName() + ".consumption";

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "finagent.rate-limit.api-per-minute", defaultValue = "600")
    long perMinute;

    @Override
    public void filter(ContainerRequestContext request) {
        UUID userId = UserTokens.userId(request.getSecurityContext()).orElse(null);
        if (userId == null) {
            return;
        }
        Consumption consumption = limiter.consume(userId.toString(), Limit.perMinute("api-user", perMinute));
        if (!consumption.allowed()) {
            throw new RateLimitExceededException("Too many requests for this account; slow down", consumption);
        }
        request.setProperty(CONSUMPTION, consumption);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CONSUMPTION) instanceof Consumption consumption) {
            RateLimitHeaders.write(consumption, response.getHeaders());
        }
    }
}
