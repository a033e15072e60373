package com.finagent.agents.debate;

import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a multi-agent debate: parallel-search, initial-analysis (participants in parallel), agent-debate (rounds,
 * participants in parallel within a round, stopping early on convergence or stalemate), consensus-building and
 * final-recommendation. Plain Java: the server supplies the models, an {@link Executor} (a managed one inside
 * Payara), evidence sources and tools, and a {@link DebateListener} to persist and stream every step.
 * <p>
 * Failures stay local: a participant whose model fails or answers unusable JSON (after one repair request) is
 * recorded as failed and the debate goes on with the others. A token budget stops the debate before a round it
 * cannot afford; consensus and recommendation are then built from what exists and the outcome is marked.
 * <p>
 * Each participant's turn is a LangChain4j AI service call ({@link ParticipantTurn}); the steps and rounds around
 * them stay a loop of our own, because each is a node of the execution graph that is persisted and streamed as it
 * runs, and the token budget decides before every round whether it can still be afforded.
 */
public final class DebateEngine {

    /** Tool-calling turns a participant may take before it must answer. */
    static final int MAX_TOOL_TURNS = 3;
    static final String PARALLEL_SEARCH = "parallel-search";
    static final String INITIAL_ANALYSIS = "initial-analysis";
    static final String AGENT_DEBATE = "agent-debate";
    static final String CONSENSUS = "consensus-building";
    static final String FINAL_RECOMMENDATION = "final-recommendation";

    private static volatile AssistantCatalog catalog;

    private final ModelResolver models;
    private final Executor executor;

    public DebateEngine(ModelResolver models, Executor executor) {
        this.models = Objects.requireNonNull(models, "models");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Runs a debate on the request's own evidence, without tools. */
    public DebateOutcome run(DebateRequest request, DebateListener listener) {
        return run(request, DebateInputs.none(), listener);
    }

    /** Runs a debate; blocks until it is over. */
    public DebateOutcome run(DebateRequest request, DebateInputs inputs, DebateListener listener) {
        Objects.requireNonNull(request, "request");
        AssistantProfile profile = catalog().find(request.assistantType())
                .orElseThrow(() -> new IllegalArgumentException("Unknown assistant type '" + request.assistantType() + "'"));
        List<Participant> participants = request.settings().participants().isEmpty()
                ? Roster.forAssistant(request.assistantType())
                : request.settings().participants().stream().map(id -> Roster.byId(id)
                .orElseThrow(() -> new IllegalArgumentException("Unknown participant '" + id + "'"))).toList();
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a debate needs participants");
        }
        DebateRequest identified = request.id() == null || request.id().isBlank()
                ? request.withId(UUID.randomUUID().toString()) : request;
        return new Run(identified, profile, participants, inputs == null ? DebateInputs.none() : inputs, listener)
                .execute();
    }

    private static AssistantCatalog catalog() {
        AssistantCatalog loaded = catalog;
        if (loaded == null) {
            loaded = AssistantCatalog.load();
            catalog = loaded;
        }
        return loaded;
    }

    private final class Run {
        private final DebateRequest request;
        private final AssistantProfile profile;
        private final List<Participant> roster;
        private final DebateInputs inputs;
        private final DebateSettings settings;
        private final ExecutionGraph graph;
        private final Map<String, Participant> byId = new LinkedHashMap<>();
        private final Map<String, Session> sessions = new LinkedHashMap<>();
        private final RunLog log = new RunLog();
        private final TokenBudget budget;
        private final ParallelTurns turns;
        private final DebateRounds debateRounds;
        private final FinalRecommendation finalRecommendation;
        private ExecutionGraph.Node searchStep;

        Run(DebateRequest request, AssistantProfile profile, List<Participant> roster, DebateInputs inputs,
            DebateListener listener) {
            this.request = request;
            this.profile = profile;
            this.roster = roster;
            this.inputs = inputs;
            this.settings = request.settings();
            this.budget = new TokenBudget(settings.tokenBudget());
            this.graph = new ExecutionGraph(request.id(), listener);
            for (Participant participant : roster) {
                byId.put(participant.id(), participant);
                sessions.put(participant.id(), new Session(participant));
            }
            this.turns = new ParallelTurns(graph, executor, request, profile, roster.size(), inputs, budget, log);
            this.debateRounds = new DebateRounds(sessions.values(), byId, settings, budget, turns);
            this.finalRecommendation = new FinalRecommendation(graph, models, request, profile, roster.size(), byId,
                    budget, turns, log);
        }

        DebateOutcome execute() {
            ExecutionGraph.Node root = graph.start("00 debate", ExecutionKind.DEBATE, "debate", "debate", null,
                    List.of(), 0, request.assistantType() + ": " + request.query() + " " + request.symbols(), null);

            Evidence evidence = parallelSearch(root);
            DebateRequest asRun = request.withEvidence(evidence);
            CitationIndex baseIndex = CitationIndex.of(evidence, request.portfolio());
            for (Session session : sessions.values()) {
                session.index = baseIndex.copy();
            }

            ExecutionGraph.Node initialStep = initialAnalysis(root, asRun, evidence);
            List<Position> initialPositions = latestPositions();
            int initiallyCounted = countedPositions().size();

            List<DebateRound> rounds = new ArrayList<>();
            boolean budgetLimited = false;
            String stopReason;
            ExecutionGraph.Node debateStep = graph.start("03 " + AGENT_DEBATE, ExecutionKind.STEP, AGENT_DEBATE,
                    AGENT_DEBATE, root, List.of(initialStep.id), 0, "up to " + settings.maxRounds() + " rounds", null);
            TokenCount debateTokens = TokenCount.ZERO;
            String lastStepId = initialStep.id;
            if (initialPositions.isEmpty()) {
                stopReason = "failed";
            } else if (settings.maxRounds() == 0) {
                stopReason = "no-rounds";
            } else if (initiallyCounted < 2) {
                stopReason = "too-few-participants";
            } else {
                stopReason = "max-rounds";
                for (int round = 1; round <= settings.maxRounds(); round++) {
                    long next = debateRounds.estimate(round) + finalRecommendation.reserve(latestPositions());
                    if (!budget.affords(next)) {
                        budgetLimited = true;
                        stopReason = "budget";
                        break;
                    }
                    ExecutionGraph.Node roundStep = graph.start(String.format(Locale.ROOT, "03 %s/round-%02d",
                                    AGENT_DEBATE, round), ExecutionKind.STEP, "debate-round-" + round,
                            "debate-round-" + round, debateStep, List.of(lastStepId), round,
                            "round " + round + " of " + settings.maxRounds(), null);
                    DebateRound result = debateRounds.play(round, roundStep);
                    graph.finish(roundStep, ExecutionStatus.COMPLETED, result, null, result.tokens());
                    rounds.add(result);
                    debateTokens = debateTokens.plus(result.tokens());
                    lastStepId = roundStep.id;
                    if (countedPositions().size() < 2) {
                        stopReason = "too-few-participants";
                        break;
                    }
                    if (result.converged()) {
                        stopReason = "converged";
                        break;
                    }
                    if (result.stanceChanges().isEmpty()
                            && result.meanConfidenceChange() <= settings.convergenceConfidenceDelta()) {
                        stopReason = "stable";
                        break;
                    }
                }
            }
            if (!budgetLimited && budget.spent()) {
                budgetLimited = true;
                stopReason = "budget";
            }
            Map<String, Object> debateSummary = new LinkedHashMap<>();
            debateSummary.put("rounds", rounds.size());
            debateSummary.put("stopReason", stopReason);
            debateSummary.put("budgetLimited", budgetLimited);
            graph.finish(debateStep, ExecutionStatus.COMPLETED, debateSummary, null, debateTokens);

            List<Position> finalPositions = latestPositions();
            List<Position> counted = countedPositions();
            List<Position> abstentions = finalPositions.stream().filter(Position::abstained).toList();
            Consensus consensus = null;
            Recommendation recommendation = null;
            ExecutionGraph.Node consensusStep = graph.start("04 " + CONSENSUS, ExecutionKind.STEP, CONSENSUS, CONSENSUS,
                    root, List.of(lastStepId, debateStep.id), 0, finalPositions.size() + " final positions", null);
            CitationIndex debateIndex = baseIndex.copy();
            sessions.values().forEach(s -> debateIndex.addAll(s.index));
            if (finalPositions.isEmpty()) {
                graph.finish(consensusStep, ExecutionStatus.FAILED, null, "no participant produced a position", null);
            } else {
                if (!counted.isEmpty()) {
                    boolean converged = debateRounds.converged(rounds, counted);
                    consensus = ConsensusBuilder.build(counted, byId, debateIndex, converged,
                            abstentions.stream().map(Position::participant).toList());
                }
                graph.finish(consensusStep, ExecutionStatus.COMPLETED, consensus == null
                        ? Map.of("abstained", abstentions.size()) : consensus, null, TokenCount.ZERO);
                List<String> missing = EvidenceRules.missing(request.symbols(), debateIndex, counted, byId);
                if (missing.isEmpty()) {
                    boolean moderatorAffordable = budget.affords(finalRecommendation.reserve(latestPositions()));
                    budgetLimited |= !moderatorAffordable;
                    recommendation = finalRecommendation.rated(root, consensusStep, asRun, consensus, counted,
                            debateIndex, budgetLimited, moderatorAffordable);
                    recommendation = finalRecommendation.counted(recommendation, counted.size(),
                            abstentions.size(), finalPositions);
                } else {
                    recommendation = finalRecommendation.insufficientEvidence(root, consensusStep, consensus, counted,
                            abstentions, missing);
                }
            }

            DebateStatus status = finalPositions.isEmpty() ? DebateStatus.FAILED
                    : budgetLimited || !log.failures.isEmpty() ? DebateStatus.PARTIAL : DebateStatus.COMPLETED;
            Map<String, Object> rootSummary = new LinkedHashMap<>();
            rootSummary.put("status", status);
            rootSummary.put("rating", recommendation == null ? null : recommendation.rating());
            rootSummary.put("insufficientEvidence", recommendation != null && recommendation.insufficientEvidence());
            rootSummary.put("stopReason", stopReason);
            rootSummary.put("budgetLimited", budgetLimited);
            rootSummary.put("tokens", budget.used());
            graph.finish(root, status == DebateStatus.FAILED ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
                    rootSummary, status == DebateStatus.FAILED ? "no participant produced a position" : null,
                    budget.used());

            List<ParticipantSummary> summaries = new ArrayList<>();
            for (Session session : sessions.values()) {
                summaries.add(session.summary());
            }
            return new DebateOutcome(request.id(), status, asRun, summaries, initialPositions, rounds, finalPositions,
                    consensus, recommendation, budget.used(), log.tokensByStep, budgetLimited, stopReason,
                    log.failures, graph.executions(), new ArrayList<>(log.transcript.values()));
        }

        private Evidence parallelSearch(ExecutionGraph.Node root) {
            ExecutionGraph.Node step = searchStep = graph.start("01 " + PARALLEL_SEARCH, ExecutionKind.STEP, PARALLEL_SEARCH,
                    PARALLEL_SEARCH, root, List.of(), 0, inputs.sources().size() + " sources for " + request.symbols(),
                    null);
            List<ExecutionGraph.Node> nodes = new ArrayList<>();
            List<CompletableFuture<Evidence>> futures = new ArrayList<>();
            for (EvidenceSource source : inputs.sources()) {
                ExecutionGraph.Node node = graph.start("01 " + PARALLEL_SEARCH + "/" + source.name(),
                        ExecutionKind.SOURCE, source.name(), source.name(), step, List.of(), 0,
                        request.query() + " " + request.symbols(), null);
                nodes.add(node);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    Evidence found = source.gather(request.query(), request.assistantType(), request.symbols());
                    return found == null ? Evidence.empty() : found;
                }, executor));
            }
            Evidence merged = request.evidence();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.callTimeoutSeconds());
            for (int i = 0; i < futures.size(); i++) {
                ExecutionGraph.Node node = nodes.get(i);
                try {
                    Evidence found = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    merged = merged.plus(found);
                    graph.finish(node, ExecutionStatus.COMPLETED, Map.of("items", found.items().size(),
                            "facts", found.facts().size()), null, TokenCount.ZERO);
                } catch (Exception e) {
                    futures.get(i).cancel(true);
                    String error = describe(e);
                    log.failures.put(PARALLEL_SEARCH + "/" + node.name, error);
                    graph.finish(node, ExecutionStatus.FAILED, null, error, TokenCount.ZERO);
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("items", merged.items().size());
            summary.put("facts", merged.facts().size());
            summary.put("sources", inputs.sources().stream().map(EvidenceSource::name).toList());
            graph.finish(step, ExecutionStatus.COMPLETED, summary, null, TokenCount.ZERO);
            return merged;
        }

        private ExecutionGraph.Node initialAnalysis(ExecutionGraph.Node root, DebateRequest asRun, Evidence evidence) {
            ExecutionGraph.Node step = graph.start("02 " + INITIAL_ANALYSIS, ExecutionKind.STEP, INITIAL_ANALYSIS,
                    INITIAL_ANALYSIS, root, List.of(searchStep.id), 0,
                    roster.size() + " participants", null);
            Map<Session, UserMessage> prompts = new LinkedHashMap<>();
            for (Session session : sessions.values()) {
                try {
                    session.model = models.resolve(session.participant.id(),
                            settings.participantModels().get(session.participant.id()), settings.seed());
                    session.modelId = session.model.id();
                } catch (RuntimeException e) {
                    session.lastError = "no model: " + describe(e);
                    log.failures.put(INITIAL_ANALYSIS + "/" + session.participant.id(), session.lastError);
                    continue;
                }
                prompts.put(session, Prompts.initial(asRun, session.participant, evidence));
            }
            String input = "evidence: " + evidence.items().size() + " items, " + evidence.facts().size()
                    + " fact sets; tools: " + turns.toolSpecs().stream().map(ToolSpecification::name).toList();
            TokenCount tokens = turns.run(INITIAL_ANALYSIS, "02 " + INITIAL_ANALYSIS, 0, step, prompts,
                    s -> List.of(searchStep.id), s -> input);
            graph.finish(step, latestPositions().isEmpty() ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
                    latestPositions(), latestPositions().isEmpty() ? "no participant produced a position" : null, tokens);
            return step;
        }

        /** Every participant's latest position, abstentions included. */
        private List<Position> latestPositions() {
            return sessions.values().stream().filter(Session::active).map(s -> s.latest).toList();
        }

        /** The latest positions that take a stance: what the consensus counts. */
        private List<Position> countedPositions() {
            return sessions.values().stream().filter(Session::counted).map(s -> s.latest).toList();
        }
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
