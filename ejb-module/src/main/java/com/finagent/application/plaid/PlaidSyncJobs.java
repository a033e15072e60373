package com.finagent.application.plaid;

import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Delivery;
import com.finagent.application.messaging.Messaging;
import com.finagent.application.telemetry.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;
import java.util.logging.Logger;

/**
 * Background syncs (the scheduled one and those Plaid's webhooks ask for) as messages on the sync queue, run by
 * whichever instance takes them. A sync that fails for a passing reason (Plaid's 429 or 5xx) is delivered again up
 * to {@link #MAX_DELIVERIES} times; then it is left to the next scheduled sync, since a sync writes nothing until it
 * has everything. The sync a user asks for ({@code POST /plaid/items/{id}/sync}) is not queued: its answer is the
 * result. On Payara's broker {@link PlaidSyncJobListener} receives the messages; on AMQP this starts
 * {@code finagent.plaid.sync-concurrency} consumers.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlaidSyncJobs {

    /** Deliveries of one sync message before it is left to the next scheduled sync. */
    public static final int MAX_DELIVERIES = 3;

    private static final Logger LOG = Logger.getLogger(PlaidSyncJobs.class.getName());

    @EJB
    PlaidSyncService sync;

    @Inject
    Messaging messaging;

    @Inject
    Tracing tracing;

    @Inject
    @ConfigProperty(name = "finagent.plaid.sync-concurrency", defaultValue = "2")
    int concurrency;

    @PostConstruct
    void listen() {
        messaging.consume(Channel.PLAID_SYNCS, concurrency, delivery());
    }

    /** Queues a sync of {@code itemId}. */
    public void enqueue(UUID userId, UUID itemId) {
        messaging.send(Channel.PLAID_SYNCS, new SyncJob(userId, itemId, false).toEnvelope());
    }

    /** How a sync message is handled, the same on either broker. */
    public Delivery delivery() {
        return new Delivery("Plaid sync", envelope -> {
            SyncJob job = SyncJob.of(envelope);
            sync.sync(job.userId(), job.itemId(), job.refreshBalances());
        }, MAX_DELIVERIES, (envelope, attempts, cause) -> LOG.warning(() -> "Sync of item "
                + SyncJob.of(envelope).itemId() + " gave up after " + attempts + " attempts; the next scheduled sync"
                + " retries: " + cause.getMessage()), tracing.tracer());
    }
}
