package com.finagent.application.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;

/**
 * The depth of the job queues ({@code finagent_queue_depth{queue}}: messages waiting on {@code finagent_debates}
 * and {@code finagent_plaid_syncs}), counted by browsing each queue when the metrics are scraped, so the figure is
 * the broker's, whichever instance queued the messages; -1 when the broker cannot be browsed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueDepthMetrics {

    /** Browsing stops here: beyond it the exact depth does not change what an operator does. */
    static final int BROWSE_LIMIT = 10_000;

    @Inject
    MetricRegistry registry;

    @Inject
    Messaging messaging;

    @PostConstruct
    void register() {
        for (Channel queue : List.of(Channel.DEBATES, Channel.PLAID_SYNCS)) {
            registry.gauge(Metadata.builder().withName("finagent_queue_depth")
                            .withDescription("Messages waiting on a job queue (browsed at each scrape)").build(),
                    queue, q -> messaging.depth(q, BROWSE_LIMIT), new Tag("queue", queue.name()));
        }
    }
}
