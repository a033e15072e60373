package com.finagent.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Requests the rate limits refused, by limit ({@code finagent_rate_limit_refusals_total{limit}}: api-user,
 * api-client, signin-address, signin-account, register-address, signin-failures, …): a rise is an attack or a
 * client that needs a higher limit.
 */
@ApplicationScoped
public class RateLimitMetrics {

    @Inject
    MetricRegistry registry;

    /** {@code limit} refused a request. */
    void refused(Limit limit) {
        registry.counter(Metadata.builder().withName("finagent_rate_limit_refusals")
                .withDescription("Requests refused by a rate limit, by limit").build(),
                new Tag("limit", limit.name())).inc();
    }
}
