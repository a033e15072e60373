package com.finagent.application.backtest;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The backtests this instance is running, whose heartbeat it keeps. */
@ApplicationScoped
public class BacktestsInFlight {

    private static final Logger LOG = Logger.getLogger(BacktestsInFlight.class.getName());

    private final Map<UUID, UUID> ownerByBacktest = new ConcurrentHashMap<>();

    void add(UUID userId, UUID backtestId) {
        ownerByBacktest.put(backtestId, userId);
    }

    void remove(UUID userId, UUID backtestId) {
        ownerByBacktest.remove(backtestId, userId);
    }

    void each(BiConsumer<UUID, UUID> userAndBacktest) {
        ownerByBacktest.forEach((backtestId, userId) -> {
            try {
                userAndBacktest.accept(userId, backtestId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Heartbeat of backtest " + backtestId + " failed", e);
            }
        });
    }
}
