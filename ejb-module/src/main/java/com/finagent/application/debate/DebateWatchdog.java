package com.finagent.application.debate;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 15 seconds on every instance: keeps the heartbeat of the debates running here, and ends as failed (with
 * the reason) the debates that no instance runs any more: running without a heartbeat for
 * {@code finagent.debate.stale-after-seconds} (default 90), or queued and never started for
 * {@code finagent.debate.pending-timeout-seconds} (default 1800). So a debate whose instance died ends within
 * about the stale time plus 15 s.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DebateWatchdog {

    private static final Logger LOG = Logger.getLogger(DebateWatchdog.class.getName());

    @EJB
    DebateService debates;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void check() {
        try {
            debates.beat();
            var config = ConfigProvider.getConfig();
            debates.failAbandoned(
                    Duration.ofSeconds(config.getOptionalValue("finagent.debate.stale-after-seconds", Long.class)
                            .orElse(90L)),
                    Duration.ofSeconds(config.getOptionalValue("finagent.debate.pending-timeout-seconds", Long.class)
                            .orElse(1800L)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking running debates failed; the next check retries", e);
        }
    }
}
