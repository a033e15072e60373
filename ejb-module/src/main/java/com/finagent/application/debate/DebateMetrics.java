package com.finagent.application.debate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * What operators watch of debates, as MicroProfile Metrics of the application scope: debates started
 * ({@code finagent_debates_started_total}), finished by status ({@code finagent_debates_finished_total{status}}:
 * completed, failed) and how long a debate ran ({@code finagent_debate_duration_seconds}, a timer).
 */
@ApplicationScoped
public class DebateMetrics {

    @Inject
    MetricRegistry registry;

    /** A debate was queued. */
    public void started() {
        registry.counter(Metadata.builder().withName("finagent_debates_started")
                .withDescription("Debates queued").build()).inc();
    }

    /** A debate that ran for {@code duration} ended with {@code status} (completed or failed). */
    public void finished(String status, Duration duration) {
        registry.counter(Metadata.builder().withName("finagent_debates_finished")
                .withDescription("Debates that ended, by status").build(), new Tag("status", status)).inc();
        registry.timer(Metadata.builder().withName("finagent_debate_duration")
                .withDescription("Wall time of a debate from its start on an instance to its outcome")
                .withUnit(MetricUnits.SECONDS).build()).update(duration);
    }

    /** A debate that never ran (given up after its deliveries, or abandoned) ended as failed. */
    public void failedUnrun() {
        registry.counter(Metadata.builder().withName("finagent_debates_finished")
                .withDescription("Debates that ended, by status").build(), new Tag("status", "failed")).inc();
    }
}
