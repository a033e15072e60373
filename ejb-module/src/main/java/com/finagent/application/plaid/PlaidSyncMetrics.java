package com.finagent.application.plaid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * Plaid syncs as operators watch them: how long each took by status ({@code finagent_plaid_sync_duration_seconds
 * {status}}: synced, error, superseded, unavailable) and the rows they brought by kind
 * ({@code finagent_plaid_sync_rows_total{kind}}: added, modified and removed transactions, accounts, holdings).
 */
@ApplicationScoped
public class PlaidSyncMetrics {

    /** The status of a sync that Plaid could not complete (an outage, a rate limit), the item unchanged. */
    static final String UNAVAILABLE = "unavailable";

    @Inject
    MetricRegistry registry;

    /** A sync ended with {@code result}. */
    void synced(SyncResult result) {
        timed(result.status(), Duration.ofMillis(result.millis()));
        rows("added", result.added());
        rows("modified", result.modified());
        rows("removed", result.removed());
        rows("accounts", result.accounts());
        rows("holdings", result.holdings() == null ? 0 : result.holdings());
    }

    /** A sync that Plaid did not complete took {@code duration}. */
    void unavailable(Duration duration) {
        timed(UNAVAILABLE, duration);
    }

    private void timed(String status, Duration duration) {
        registry.timer(Metadata.builder().withName("finagent_plaid_sync_duration")
                .withDescription("Wall time of a Plaid item's sync, by status").withUnit(MetricUnits.SECONDS).build(),
                new Tag("status", status)).update(duration);
    }

    private void rows(String kind, long count) {
        registry.counter(Metadata.builder().withName("finagent_plaid_sync_rows")
                .withDescription("Rows Plaid syncs brought, by kind").build(), new Tag("kind", kind)).inc(count);
    }
}
