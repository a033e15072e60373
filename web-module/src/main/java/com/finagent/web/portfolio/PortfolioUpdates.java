package com.finagent.web.portfolio;

import com.finagent.application.alert.AlertNotifier;
import com.finagent.application.backtest.BacktestNotifier;
import com.finagent.application.alert.RatingAlert;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.plaid.SyncNotifier;
import com.finagent.application.plaid.SyncResult;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import com.finagent.persistence.portfolio.Portfolio;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes portfolio changes, rating alerts and backtest progress to their owners' open {@code /ws/portfolio}
 * sockets: values at once after a sync of one of their items, and every
 * {@code finagent.portfolio.push-interval-ms} when the value moved with prices. Values are computed by the same valuation as {@code GET /portfolios/{id}/summary}, as the owner.
 */
@ApplicationScoped
public class PortfolioUpdates {

    private static final Logger LOG = Logger.getLogger(PortfolioUpdates.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioValuation valuation;

    @Inject
    @ConfigProperty(name = "finagent.portfolio.push-interval-ms", defaultValue = "5000")
    long intervalMillis;

    private final Map<UUID, Set<Session>> sessionsByUser = new ConcurrentHashMap<>();
    private final Map<UUID, BigDecimal> lastValues = new ConcurrentHashMap<>();
    private ScheduledFuture<?> ticking;

    @Inject
    SyncNotifier syncs;

    @Inject
    AlertNotifier alerts;

    @Inject
    BacktestNotifier backtests;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        syncs.listen(this::onSynced);
        alerts.listen(this::onAlert);
        backtests.listen(this::send);
        ticking = scheduler.scheduleWithFixedDelay(this::pushMoves, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void open(UUID userId, Session session) {
        sessionsByUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(session);
        session.getUserProperties().put("finagent.user", userId);
    }

    void close(Session session) {
        Object userId = session.getUserProperties().get("finagent.user");
        if (userId instanceof UUID id) {
            Set<Session> sessions = sessionsByUser.get(id);
            if (sessions != null) {
                sessions.remove(session);
                sessionsByUser.computeIfPresent(id, (key, left) -> left.isEmpty() ? null : left);
            }
        }
    }

    private void onSynced(UUID userId, SyncResult result) {
        if (!sessionsByUser.containsKey(userId)) {
            return;
        }
        send(userId, Json.createObjectBuilder().add("type", "sync").add("itemId", result.itemId().toString())
                .add("added", result.added()).add("modified", result.modified()).add("removed", result.removed())
                .build().toString());
        pushValues(userId, true);
    }

    private void onAlert(UUID userId, RatingAlert alert) {
        if (!sessionsByUser.containsKey(userId)) {
            return;
        }
        send(userId, Json.createObjectBuilder().add("type", "alert").add("id", alert.id().toString())
                .add("symbol", alert.symbol()).add("previousRating", alert.previousRating())
                .add("rating", alert.rating()).add("debateId", String.valueOf(alert.debateId()))
                .add("message", alert.message()).build().toString());
    }

    private void pushMoves() {
        try {
            sessionsByUser.keySet().forEach(userId -> pushValues(userId, false));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pushing portfolio values failed", e);
        }
    }

    private void pushValues(UUID userId, boolean always) {
        for (Portfolio portfolio : portfolios.list(userId)) {
            PortfolioValuation.Summary summary;
            try {
                summary = valuation.summary(userId, portfolio.getId());
            } catch (FinAgentException gone) {
                continue;
            }
            BigDecimal previous = lastValues.put(portfolio.getId(), summary.marketValue());
            if (always || previous == null || previous.compareTo(summary.marketValue()) != 0) {
                send(userId, Json.createObjectBuilder().add("type", "portfolio")
                        .add("portfolioId", portfolio.getId().toString())
                        .add("marketValue", summary.marketValue()).add("unrealizedPnl", summary.unrealizedPnl())
                        .add("dayChange", summary.dayChange()).add("asOf", summary.asOf().toString())
                        .build().toString());
            }
        }
    }

    private void send(UUID userId, String message) {
        for (Session session : sessionsByUser.getOrDefault(userId, Set.of())) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(message);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
