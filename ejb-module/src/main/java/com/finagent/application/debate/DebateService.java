package com.finagent.application.debate;

import com.finagent.agents.debate.DebateEngine;
import com.finagent.agents.debate.DebateInputs;
import com.finagent.agents.debate.DebateJson;
import com.finagent.agents.debate.DebateListener;
import com.finagent.agents.debate.DebateOutcome;
import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.debate.DebateSettings;
import com.finagent.agents.debate.DebateStatus;
import com.finagent.agents.debate.Evidence;
import com.finagent.agents.debate.EvidenceSource;
import com.finagent.agents.debate.PortfolioContext;
import com.finagent.agents.debate.PortfolioPosition;
import com.finagent.agents.tools.AgentTools;
import com.finagent.application.database.AbandonedJobs;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.messaging.Channel;
import com.finagent.application.messaging.Messaging;
import com.finagent.application.messaging.MessagingException;
import com.finagent.application.model.LanguageModels;
import com.finagent.application.portfolio.PortfolioService;
import com.finagent.application.portfolio.PortfolioValuation;
import com.finagent.application.telemetry.StructuredLog;
import com.finagent.application.telemetry.Tracing;
import com.finagent.application.tools.AgentToolsFactory;
import com.finagent.persistence.portfolio.Portfolio;
import io.opentelemetry.context.Context;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs multi-agent debates for users: records the trigger and queues it ({@link DebateJob} on
 * {@code finagent_debates}); the instance that takes the message claims the debate and runs the engine with our
 * tools and evidence sources (search, market data and analytics, the user's portfolio, lessons of past calls),
 * writes every step to {@code agent_executions} as it happens and streams it to the debate's watchers on every
 * instance, and stores the outcome with everything needed to replay it. While it runs, the instance keeps the
 * debate's heartbeat; a debate whose instance stopped is marked failed by the survivors
 * ({@link #failAbandoned}), so none stays "running" for ever.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DebateService {

    private static final Logger LOG = Logger.getLogger(DebateService.class.getName());
    private static final int MAX_SYMBOLS = 10;

    @Resource
    ManagedExecutorService executor;

    @EJB
    DebateStore store;

    @Inject
    DebateEvents events;

    @Inject
    Messaging messaging;

    @Inject
    DebatesInFlight inFlight;

    @Inject
    LanguageModels models;

    @EJB
    PortfolioService portfolios;

    @EJB
    PortfolioValuation valuation;

    @EJB
    Reflections reflections;

    @Inject
    Event<RatingGiven> ratings;

    @Inject
    AgentToolsFactory tools;

    @Inject
    EvidenceSources sources;

    @Inject
    DebateMetrics metrics;

    @Inject
    Tracing tracing;

    @Inject
    @ConfigProperty(name = "finagent.debate.token-budget", defaultValue = "0")
    long defaultTokenBudget;

    /** Records the debate and queues it; its id is returned at once. */
    public UUID start(UUID userId, String query, String assistantType, List<String> rawSymbols, Integer maxRounds,
                      Long tokenBudget) {
        List<String> symbols = symbols(rawSymbols);
        UUID debateId = UUID.randomUUID();
        long seed = debateId.getMostSignificantBits() & Long.MAX_VALUE;
        store.create(userId, debateId, query, assistantType, symbols, seed);
        DebateSettings settings = DebateSettings.defaults()
                .withMaxRounds(maxRounds == null ? DebateSettings.DEFAULT_MAX_ROUNDS : maxRounds)
                .withTokenBudget(tokenBudget != null ? tokenBudget : defaultTokenBudget)
                .withSeed(seed);
        DebateRequest request = new DebateRequest(debateId.toString(), query, assistantType, symbols,
                Evidence.empty(), null, settings);
        enqueue(new DebateJob(userId, debateId, false, DebateJson.toJson(request)));
        queued(userId, debateId, symbols, false);
        return debateId;
    }

    /**
     * Runs a finished debate again as a new debate: the same request, evidence, portfolio, settings and seed, so the
     * offline model reproduces it exactly and a provider that honours the seed comes close. Nothing is searched
     * again; tools the participants call answer from today's data.
     */
    public UUID replay(UUID userId, UUID debateId) {
        DebateStore.DebateRow original = get(userId, debateId);
        String replay = store.replay(userId, debateId).orElseThrow(() -> new FinAgentException(ErrorType.CONFLICT,
                "Debate " + debateId + " is " + original.status() + "; only a finished debate can be replayed"));
        UUID replayId = UUID.randomUUID();
        DebateRequest request = DebateDocuments.requestOf(replay).withId(replayId.toString());
        store.create(userId, replayId, request.query(), request.assistantType(), request.symbols(),
                request.settings().seed());
        enqueue(new DebateJob(userId, replayId, true, DebateJson.toJson(request)));
        queued(userId, replayId, request.symbols(), true);
        return replayId;
    }

    private void queued(UUID userId, UUID debateId, List<String> symbols, boolean replay) {
        metrics.started();
        StructuredLog.info(LOG, "Debate queued", fields(userId, debateId, symbols, Map.of("replay", replay)));
    }

    /** The context fields of a debate's log records. */
    static Map<String, Object> fields(UUID userId, UUID debateId, List<String> symbols, Map<String, ?> more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", userId);
        fields.put("debateId", debateId);
        fields.put("symbol", symbols == null || symbols.isEmpty() ? null : String.join(",", symbols));
        fields.putAll(more);
        return fields;
    }

    private void enqueue(DebateJob job) {
        try {
            messaging.send(Channel.DEBATES, job.toEnvelope());
        } catch (MessagingException e) {
            store.fail(job.userId(), job.debateId(), "The debate could not be queued: the message broker is unavailable");
            throw new FinAgentException(ErrorType.OVERLOADED, 503,
                    "The debate could not be queued; try again shortly", List.of(), e);
        }
    }

    /**
     * Runs a queued debate, if this instance is the first to claim it: a message delivered again after its instance
     * stopped, or twice, finds the debate no longer pending and is dropped (the survivors' check ends a debate whose
     * instance stopped while running it).
     */
    public void run(DebateJob job) {
        if (!store.claim(job.userId(), job.debateId())) {
            LOG.info(() -> "Debate " + job.debateId() + " is no longer pending; its message is dropped");
            return;
        }
        DebateRequest request = DebateJson.readRequest(job.requestJson());
        inFlight.add(job.userId(), job.debateId());
        try {
            run(job.userId(), job.debateId(), request, job.replay());
        } finally {
            inFlight.remove(job.userId(), job.debateId());
        }
    }

    /** Ends a debate whose message could not be handled after {@code attempts} deliveries. */
    public void giveUp(DebateJob job, int attempts, Exception cause) {
        if (store.fail(job.userId(), job.debateId(), "The debate could not be run after " + attempts + " attempts: "
                + cause.getMessage())) {
            metrics.failedUnrun();
            publishDebate(job.userId(), job.debateId());
        }
    }

    /** Keeps the heartbeat of the debates this instance is running. */
    public void beat() {
        inFlight.each(store::heartbeat);
    }

    /**
     * Marks failed, with the reason, every debate whose instance stopped: running without a heartbeat for
     * {@code staleAfter}, or pending (queued, never claimed) for {@code pendingTimeout}. Every instance runs it;
     * the update is conditional, so each debate is ended once.
     *
     * @return how many debates were ended
     */
    public int failAbandoned(java.time.Duration staleAfter, java.time.Duration pendingTimeout) {
        int ended = 0;
        for (AbandonedJobs.Abandoned debate : store.abandoned(staleAfter, pendingTimeout)) {
            String reason = debate.pending()
                    ? "The debate was not started within " + pendingTimeout.toSeconds() + " s (no instance took it)"
                    : "The instance running the debate stopped (no heartbeat for " + staleAfter.toSeconds() + " s)";
            if (store.failAbandoned(debate, reason, debate.pending() ? pendingTimeout : staleAfter)) {
                LOG.warning(() -> "Debate " + debate.id() + " ended: " + reason);
                metrics.failedUnrun();
                publishDebate(debate.userId(), debate.id());
                ended++;
            }
        }
        return ended;
    }

    /**
     * Stores a debate a backtest ran as of one of its days, with everything needed to replay it, so that the
     * backtest's rating of that day links to it; it is not announced as a rating and teaches no lessons.
     */
    public void keep(UUID userId, UUID backtestId, DebateOutcome outcome) {
        DebateRequest request = outcome.request();
        UUID debateId = UUID.fromString(request.id());
        store.createForBacktest(userId, backtestId, debateId, request.query(), request.assistantType(),
                request.symbols(), request.settings().seed());
        boolean failed = outcome.status() == DebateStatus.FAILED;
        store.complete(userId, debateId, failed, outcome.budgetLimited(), models.describe(), DebateDocuments.replay(outcome),
                DebateDocuments.outcome(outcome), outcome.tokens().input() + outcome.tokens().output(),
                failed ? String.join("; ", outcome.failures().values()) : null);
    }

    public DebateStore.DebateRow get(UUID userId, UUID debateId) {
        return store.get(userId, debateId).orElseThrow(() -> FinAgentException.notFound("Debate", debateId));
    }

    public List<DebateStore.DebateRow> list(UUID userId) {
        return store.list(userId, 50);
    }

    public List<DebateStore.ExecutionRow> executions(UUID userId, UUID debateId) {
        get(userId, debateId);
        return store.executions(userId, debateId);
    }

    private void run(UUID userId, UUID debateId, DebateRequest trigger, boolean replay) {
        String query = trigger.query();
        String assistantType = trigger.assistantType();
        long started = System.nanoTime();
        StructuredLog.info(LOG, "Debate started", fields(userId, debateId, trigger.symbols(),
                Collections.singletonMap("assistantType", assistantType)));
        // The steps run on the managed executor: each task carries the trace of the message being handled.
        DebateSpans spans = new DebateSpans(tracing.tracer(), Context.current(), userId);
        String status = "failed";
        try {
            AgentTools tools = tools(userId);
            DebateRequest request = trigger;
            List<EvidenceSource> evidenceSources = new ArrayList<>();
            if (!replay) {
                request = trigger.withEvidence(new Evidence(reflections.lessons(userId, trigger.symbols()), List.of()));
                request = new DebateRequest(request.id(), request.query(), request.assistantType(), request.symbols(),
                        request.evidence(), portfolio(userId), request.settings());
                evidenceSources.addAll(sources.forDebate(userId));
                evidenceSources.add(new MarketFactsSource(tools));
            }
            DebateListener listener = new ExecutionRecorder(store, events, userId, debateId, query, assistantType, trigger.symbols(), spans);
            DebateOutcome outcome = new DebateEngine(models.catalog(), Context.taskWrapping(executor))
                    .run(request, new DebateInputs(evidenceSources, tools), listener);
            boolean failed = outcome.status() == DebateStatus.FAILED;
            status = failed ? "failed" : "completed";
            String outcomeJson = DebateDocuments.outcome(outcome);
            // What the rating sets off (its scorecard entry, the owner's watches and alerts) is stored before the
            // debate reads as completed: a client that sees it completed finds its watches already updated.
            if (!replay && !failed && outcome.recommendation() != null && outcome.recommendation().rating() != null) {
                reflections.remember(userId, debateId, outcome.request().symbols(), outcome.recommendation().rating());
                ratings.fire(new RatingGiven(userId, debateId, outcome.request().symbols(),
                        outcome.recommendation().rating()));
            }
            store.complete(userId, debateId, failed, outcome.budgetLimited(), models.describe(), DebateDocuments.replay(outcome),
                    outcomeJson, outcome.tokens().input() + outcome.tokens().output(),
                    failed ? String.join("; ", outcome.failures().values()) : null);
            publishDebate(userId, debateId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Debate " + debateId + " failed", e);
            store.complete(userId, debateId, true, false, models.describe(), null, null, 0,
                    "The debate could not finish: " + e.getMessage());
            publishDebate(userId, debateId);
        } finally {
            spans.endAll();
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            metrics.finished(status, duration);
            StructuredLog.info(LOG, "Debate finished", fields(userId, debateId, trigger.symbols(),
                    Map.of("status", status, "durationMs", duration.toMillis())));
        }
    }

    private AgentTools tools(UUID userId) {
        return tools.forUser(userId, sources::searchTool, sources::macroTool);
    }

    private PortfolioContext portfolio(UUID userId) {
        List<Portfolio> owned = portfolios.list(userId);
        if (owned.isEmpty()) {
            return null;
        }
        Map<String, double[]> bySymbol = new LinkedHashMap<>();
        double total = 0;
        for (Portfolio portfolio : owned) {
            PortfolioValuation.Summary summary = valuation.summary(userId, portfolio.getId());
            total += summary.marketValue().doubleValue();
            for (PortfolioValuation.PositionValue p : summary.positions()) {
                double[] sums = bySymbol.computeIfAbsent(p.symbol(), s -> new double[3]);
                sums[0] += p.quantity().doubleValue();
                sums[1] += p.marketValue().doubleValue();
                sums[2] += p.unrealizedPnl().doubleValue();
            }
        }
        if (bySymbol.isEmpty()) {
            return null;
        }
        double portfolioValue = total;
        List<PortfolioPosition> positions = new ArrayList<>();
        bySymbol.forEach((symbol, sums) -> positions.add(new PortfolioPosition(symbol, sums[0],
                portfolioValue > 0 ? sums[1] / portfolioValue : null, sums[1], sums[2],
                sums[1] - sums[2] > 0 ? sums[2] / (sums[1] - sums[2]) : null)));
        return new PortfolioContext("USD", portfolioValue, positions);
    }

    private static List<String> symbols(List<String> raw) {
        List<String> symbols = new ArrayList<>();
        for (String symbol : raw == null ? List.<String>of() : raw) {
            String normal = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
            if (!normal.matches("[A-Z0-9.\\-]{1,10}")) {
                throw FinAgentException.invalidField("symbols", "'" + symbol + "' is not a ticker symbol");
            }
            if (!symbols.contains(normal)) {
                symbols.add(normal);
            }
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw FinAgentException.invalidField("symbols", "at most " + MAX_SYMBOLS + " symbols");
        }
        return symbols;
    }

    private void publishDebate(UUID userId, UUID debateId) {
        store.get(userId, debateId).ifPresent(row -> events.publish(userId, debateId, Json.createObjectBuilder()
                .add("type", "debate").add("id", debateId.toString()).add("status", row.status())
                .add("outcome", row.outcome() == null ? JsonValue.NULL
                        : Json.createReader(new StringReader(row.outcome())).readValue())
                .build().toString()));
    }
}
