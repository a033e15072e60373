package com.finagent.application.plaid;

import com.finagent.application.cluster.ClusterDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Syncs every linked item in the background every {@code finagent.plaid.sync-interval-minutes} (default 360;
 * fractions allowed, 0 turns it off): one message per item on the sync queue, so the syncs spread over the instances
 * ({@link PlaidSyncJobs}). Items waiting for their user (status error) are skipped; one item's failure does not
 * stop the others. The timer is not persistent: each server instance schedules its own after start, and the
 * instance whose timer claims the interval's run ({@link ClusterDuties}) queues the syncs, so a cluster syncs each
 * item once per interval however many instances it has.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaidScheduledSync {

    private static final Logger LOG = Logger.getLogger(PlaidScheduledSync.class.getName());

    @Resource
    TimerService timers;

    @EJB
    PlaidItemDirectory directory;

    @EJB
    PlaidSyncJobs jobs;

    @EJB
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "finagent.plaid.sync-interval-minutes", defaultValue = "360")
    double intervalMinutes;

    @PostConstruct
    void schedule() {
        if (intervalMinutes > 0) {
            long interval = interval().toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig("plaid-sync", false));
        }
    }

    private Duration interval() {
        return Duration.ofMillis(Math.round(intervalMinutes * 60_000));
    }

    @Timeout
    void syncAll() {
        try {
            if (!duties.claim("plaid-sync", interval())) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The scheduled Plaid sync could not claim its run; the next interval retries", e);
            return;
        }
        int queued = 0;
        for (PlaidItemDirectory.ItemRef item : directory.syncable()) {
            try {
                jobs.enqueue(item.userId(), item.itemId());
                queued++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduled sync of item " + item.itemId() + " not queued; the next run retries", e);
            }
        }
        int done = queued;
        LOG.info(() -> "Scheduled Plaid sync: " + done + " items queued");
    }
}
