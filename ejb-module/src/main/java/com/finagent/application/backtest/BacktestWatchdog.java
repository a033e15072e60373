package com.finagent.application.backtest;

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
 * Every 15 seconds on every instance: keeps the heartbeat of the backtests running here, and ends as failed (with
 * the reason) those no instance runs any more: running without a heartbeat for
 * {@code finagent.backtest.stale-after-seconds} (default 90), or queued and never started for
 * {@code finagent.backtest.pending-timeout-seconds} (default 1800). So no backtest stays "running" for ever.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BacktestWatchdog {

    private static final Logger LOG = Logger.getLogger(BacktestWatchdog.class.getName());

    @EJB
    BacktestService backtests;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void check() {
        try {
            backtests.beat();
            var config = ConfigProvider.getConfig();
            backtests.failAbandoned(
                    Duration.ofSeconds(config.getOptionalValue("finagent.backtest.stale-after-seconds", Long.class)
                            .orElse(90L)),
                    Duration.ofSeconds(config.getOptionalValue("finagent.backtest.pending-timeout-seconds", Long.class)
                            .orElse(1800L)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking running backtests failed; the next check retries", e);
        }
    }
}
