package com.finagent.web.partner;

import com.finagent.web.auth.CurrentClient;

import com.finagent.application.partner.ActiveClient;
import com.finagent.application.ratelimit.Consumption;
import com.finagent.application.ratelimit.Limit;
import com.finagent.application.ratelimit.RateLimitExceededException;
import com.finagent.application.ratelimit.RateLimiter;
import com.finagent.web.ratelimit.RateLimitHeaders;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Each partner client's own rate limit, the requests a minute it was registered with, held across the cluster
 * (Bucket4j over JCache). It runs once {@link ClientAccessFilter} has found the client active; every answer to a
 * client carries the {@code RateLimit-*} fields, and over the limit it is a 429 problem with {@code Retry-After}.
 * Users' tokens have their own limit.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class ClientRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CONSUMPTION = ClientRateLimitFilter.class.getName() + ".consumption";

    @Inject
    CurrentClient currentClient;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        ActiveClient client = currentClient.get().orElse(null);
        if (client == null) {
            return;
        }
        Consumption consumption = limiter.consume(client.clientId(),
                Limit.perMinute("api-client", client.rateLimitPerMinute()));
        request.setProperty(CONSUMPTION, consumption);
        if (!consumption.allowed()) {
            throw new RateLimitExceededException("Too many requests for this partner client; slow down", consumption);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CONSUMPTION) instanceof Consumption consumption) {
            RateLimitHeaders.write(consumption, response.getHeaders());
        }
    }
}
