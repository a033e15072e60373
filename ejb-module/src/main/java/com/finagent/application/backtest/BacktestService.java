package com.finagent.application.backtest;

import com.finagent.agents.debate.DebateEngine;
import com.finagent.agents.debate.DebateInputs;
import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.debate.Recommendation;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.application.debate.DebateService;
import com.finagent.application.debate.EvidenceSources;
import com.finagent.application.debate.MarketFactsSource;
import com.finagent.application.database.AbandonedJobs;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Messaging;
import com.finagent.application.messaging.MessagingException;
import com.finagent.application.model.LanguageModels;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Point-in-time backtests for users: records the request and queues it on {@code finagent_backtests}; the instance
 * that takes the message runs one debate per symbol and rebalance day, each as of its day
 * ({@link PointInTimeTools}, searches bounded to what was published before it), a few at a time, keeps each debate
 * so its rating links to it, streams progress to the owner, stops when cancelled or out of tokens, and stores the
 * figures of {@link BacktestReport} against the rule baselines. The request and seed are stored, so a replay asks
 * the same debates with the same seeds: with the offline model it gives the same result.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class.getName());
    /** Debates one backtest may plan: five years weekly of two symbols. */
    public static final int MAX_DEBATES = 600;
    static final int MAX_SYMBOLS = 5;
    static final int MAX_YEARS = 10;
    /** Calendar days of history before the period, for the indicators and figures of the first rebalance. */
    private static final int LOOKBACK_DAYS = 400;

    @EJB
    BacktestStore store;

    @EJB
    MarketDataService market;

    @EJB
    DebateService debates;

    @Inject
    LanguageModels models;

    @Inject
    EvidenceSources sources;

    @Inject
    Messaging messaging;

    @Inject
    BacktestNotifier notifier;

    @Inject
    BacktestsInFlight inFlight;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "finagent.backtest.parallel-debates", defaultValue = "2")
    int parallelDebates;

    /** Validates the request, records it and queues it; its id is returned at once. */
    public UUID start(UUID userId, BacktestQuery query) {
        BacktestPlan plan = plan(query, 0);
        UUID id = UUID.randomUUID();
        long seed = id.getMostSignificantBits() & Long.MAX_VALUE;
        store.create(userId, id, CanonicalJson.writePretty(query), seed, null, plan.rebalances().size());
        enqueue(userId, id);
        return id;
    }

    /** Runs a finished backtest again: the same request and seed, as a new backtest. */
    public UUID replay(UUID userId, UUID backtestId) {
        BacktestStore.BacktestRow original = get(userId, backtestId);
        if (!"completed".equals(original.status())) {
            throw new FinAgentException(ErrorType.CONFLICT, "Backtest " + backtestId + " is " + original.status()
                    + "; only a completed backtest can be replayed");
        }
        UUID id = UUID.randomUUID();
        store.create(userId, id, original.request(), original.seed(), backtestId, original.debatesTotal());
        enqueue(userId, id);
        return id;
    }

    /** Cancels a backtest that has not ended: no further debate starts; what ran is kept as its result. */
    public void cancel(UUID userId, UUID backtestId) {
        BacktestStore.BacktestRow row = get(userId, backtestId);
        if (!store.cancel(userId, backtestId)) {
            throw new FinAgentException(ErrorType.CONFLICT, "Backtest " + backtestId + " has already ended ("
                    + row.status() + ")");
        }
        publish(userId, backtestId);
    }

    public BacktestStore.BacktestRow get(UUID userId, UUID backtestId) {
        return store.get(userId, backtestId).orElseThrow(() -> FinAgentException.notFound("Backtest", backtestId));
    }

    public List<BacktestStore.BacktestRow> list(UUID userId) {
        return store.list(userId, 50);
    }

    /** Runs a queued backtest if this instance is the first to claim it (a second delivery finds it taken). */
    public void run(BacktestJob job) {
        UUID userId = job.userId();
        UUID id = job.backtestId();
        if (!store.claim(userId, id)) {
            LOG.info(() -> "Backtest " + id + " is no longer pending; its message is dropped");
            return;
        }
        publish(userId, id);
        BacktestStore.BacktestRow row = get(userId, id);
        inFlight.add(userId, id);
        try {
            BacktestQuery query = CanonicalJson.read(row.request(), BacktestQuery.class);
            Map<String, PriceSeries> histories = histories(query);
            BacktestPlan plan = new BacktestPlan(query, histories, row.seed());
            int total = plan.rebalances().size();
            BacktestDebates.Outcome calls = BacktestDebates.run(plan.rebalances(), parallelDebates,
                    query.tokenBudget(), threads, rebalance -> debateOne(userId, id, plan, rebalance, histories),
                    (call, done, tokens) -> {
                        boolean running = store.progress(userId, id, done, tokens);
                        notifier.publish(userId, id, progressMessage(id, done, total, call));
                        return running;
                    });
            Map<String, String> origins = new LinkedHashMap<>();
            histories.forEach((symbol, history) -> origins.put(symbol, history.source()));
            BacktestResult result = BacktestReport.of(query, plan, calls.calls(), benchmark(query), origins,
                    calls.stopReason());
            store.end(userId, id, false, CanonicalJson.writePretty(result), null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backtest " + id + " failed", e);
            store.end(userId, id, true, null, "The backtest could not finish: " + e.getMessage());
        } finally {
            inFlight.remove(userId, id);
        }
        publish(userId, id);
    }

    /** Keeps the heartbeat of the backtests this instance is running. */
    public void beat() {
        inFlight.each(store::heartbeat);
    }

    /**
     * Marks failed, with the reason, every backtest whose instance stopped (running without a heartbeat for
     * {@code staleAfter}) or that no instance took (pending for {@code pendingTimeout}), and tells its owner.
     */
    public void failAbandoned(java.time.Duration staleAfter, java.time.Duration pendingTimeout) {
        for (AbandonedJobs.Abandoned backtest : store.abandoned(staleAfter, pendingTimeout)) {
            String reason = backtest.pending()
                    ? "The backtest was not started within " + pendingTimeout.toSeconds() + " s (no instance took it)"
                    : "The instance running the backtest stopped (no heartbeat for " + staleAfter.toSeconds() + " s)";
            if (store.failAbandoned(backtest, reason, backtest.pending() ? pendingTimeout : staleAfter)) {
                LOG.warning(() -> "Backtest " + backtest.id() + " ended: " + reason);
                publish(backtest.userId(), backtest.id());
            }
        }
    }

    /** Ends a backtest whose message could not be handled after {@code attempts} deliveries. */
    public void giveUp(BacktestJob job, int attempts, Exception cause) {
        store.end(job.userId(), job.backtestId(), true, null, "The backtest could not be run after " + attempts
                + " attempts: " + cause.getMessage());
        publish(job.userId(), job.backtestId());
    }

    private BacktestCall debateOne(UUID userId, UUID backtestId, BacktestPlan plan, BacktestPlan.Rebalance rebalance,
                                   Map<String, PriceSeries> histories) {
        UUID debateId = UUID.randomUUID();
        DebateRequest request = plan.request(rebalance, debateId);
        PointInTimeTools tools = new PointInTimeTools(rebalance.day(), histories, sources::searchTool,
                sources::macroToolAsOf);
        List<EvidenceSource> evidence = new ArrayList<>(sources.asOf(rebalance.day()));
        evidence.add(new MarketFactsSource(tools));
        DebateOutcome outcome = new DebateEngine(models.catalog(), executor)
                .run(request, new DebateInputs(evidence, tools), DebateListener.NONE);
        debates.keep(userId, backtestId, outcome);
        Recommendation recommendation = outcome.recommendation();
        String rating = recommendation == null || recommendation.rating() == null ? null
                : recommendation.rating().name();
        var exposure = RatingExposure.of(rating);
        String headline = recommendation != null ? recommendation.headline()
                : "No recommendation: " + String.join("; ", outcome.failures().values());
        return new BacktestCall(rebalance.symbol(), rebalance.day(), debateId, rating,
                exposure.isPresent() ? exposure.getAsDouble() : null, headline,
                outcome.tokens().input() + outcome.tokens().output(),
                outcome.request().evidence().items().size(),
                outcome.consensus() == null ? null : outcome.consensus().confidence(), null, null);
    }

    /** The plan of a request, checked against the prices there are; FinAgentException 400 naming the field. */
    private BacktestPlan plan(BacktestQuery query, long seed) {
        if (query.symbols().isEmpty() || query.symbols().size() > MAX_SYMBOLS) {
            throw FinAgentException.invalidField("symbols", "give 1 to " + MAX_SYMBOLS + " symbols");
        }
        if (!query.from().isBefore(query.to())) {
            throw FinAgentException.invalidField("from", "must be before 'to'");
        }
        if (query.to().isAfter(LocalDate.now())) {
            throw FinAgentException.invalidField("to", "must not be in the future");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) > MAX_YEARS * 366L) {
            throw FinAgentException.invalidField("to", "a backtest covers at most " + MAX_YEARS + " years");
        }
        query.participantModels().forEach((participant, model) -> {
            try {
                models.catalog().resolve(participant, model, 0);
            } catch (IllegalArgumentException unknown) {
                throw FinAgentException.invalidField("participantModels", unknown.getMessage());
            }
        });
        Map<String, PriceSeries> histories;
        try {
            histories = histories(query);
        } catch (FinAgentException unknown) {
            if (unknown.getType() != ErrorType.NOT_FOUND) {
                throw unknown;
            }
            throw FinAgentException.invalidField("symbols", unknown.getMessage());
        }
        for (var history : histories.entrySet()) {
            List<com.finagent.application.market.provider.DailyBar> bars = history.getValue().bars();
            LocalDate last = bars.isEmpty() ? null : bars.get(bars.size() - 1).date();
            if (last == null || last.isBefore(query.to().minusDays(7))) {
                throw FinAgentException.invalidField("to", "prices of " + history.getKey() + " end "
                        + (last == null ? "before the period" : "on " + last) + "; choose a period they cover");
            }
        }
        BacktestPlan plan;
        try {
            plan = new BacktestPlan(query, histories, seed);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "from");
        }
        if (plan.rebalances().size() > MAX_DEBATES) {
            throw FinAgentException.invalidField("from", "the period and frequency ask for "
                    + plan.rebalances().size() + " debates; a backtest runs at most " + MAX_DEBATES);
        }
        return plan;
    }

    /** SPY's closes over the period, which the scorecard measures calls against; null without them. */
    private Map<LocalDate, Double> benchmark(BacktestQuery query) {
        try {
            Map<LocalDate, Double> closes = new java.util.HashMap<>();
            market.history("SPY", query.from(), query.to(), "1d").bars()
                    .forEach(bar -> closes.put(bar.date(), bar.close()));
            return closes;
        } catch (FinAgentException noBenchmark) {
            LOG.fine(() -> "No SPY prices for the backtest's scorecard: " + noBenchmark.getMessage());
            return Map.of();
        }
    }

    private Map<String, PriceSeries> histories(BacktestQuery query) {
        Map<String, PriceSeries> histories = new LinkedHashMap<>();
        for (String symbol : query.symbols()) {
            histories.put(symbol, market.history(symbol, query.from().minusDays(LOOKBACK_DAYS), query.to(), "1d"));
        }
        return histories;
    }

    private void enqueue(UUID userId, UUID id) {
        try {
            messaging.send(Channel.BACKTESTS, new BacktestJob(userId, id).toEnvelope());
        } catch (MessagingException e) {
            store.end(userId, id, true, null, "The backtest could not be queued: the message broker is unavailable");
            throw new FinAgentException(ErrorType.OVERLOADED, 503,
                    "The backtest could not be queued; try again shortly", List.of(), e);
        }
    }

    private static String progressMessage(UUID id, int done, int total, BacktestCall call) {
        var message = Json.createObjectBuilder().add("type", "backtest").add("id", id.toString())
                .add("status", "running").add("done", done).add("total", total)
                .add("symbol", call.symbol()).add("day", call.day().toString())
                .add("debateId", call.debateId().toString());
        if (call.rating() != null) {
            message.add("rating", call.rating());
        }
        return message.build().toString();
    }

    private void publish(UUID userId, UUID id) {
        store.get(userId, id).ifPresent(row -> notifier.publish(userId, id, Json.createObjectBuilder()
                .add("type", "backtest").add("id", id.toString()).add("status", row.status())
                .add("done", row.debatesDone()).add("total", row.debatesTotal()).build().toString()));
    }
}
