package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.provider.ModelFactory;
import com.finagent.agents.tools.ServerAgentTools;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

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

    /** One participant's state across the debate. */
    private static final class Session {
        final Participant participant;
        ResolvedModel model;
        String modelId;
        final List<ChatMessage> history = new ArrayList<>();
        CitationIndex index;
        Position latest;
        String latestNodeId;
        TokenCount tokens = TokenCount.ZERO;
        String lastError;
        final Set<String> toolIds = new HashSet<>();
        /** Every citation of its positions so far: a stance change must cite something outside it. */
        final Set<String> weighed = new LinkedHashSet<>();

        Session(Participant participant) {
            this.participant = participant;
        }

        boolean active() {
            return latest != null;
        }

        /** Whether it took a stance that counts: it has a position and did not abstain. */
        boolean counted() {
            return latest != null && !latest.abstained();
        }
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
        private final Map<String, String> failures = new TreeMap<>();
        private final Map<String, CallRecord> transcript = new TreeMap<>();
        private final Map<String, TokenCount> tokensByStep = new LinkedHashMap<>();
        private final List<ToolSpecification> toolSpecs;
        private final ServerAgentTools toolkit;
        private final TokenBudget budget;
        private ExecutionGraph.Node searchStep;
        private Recommendation lastRecommendation;

        Run(DebateRequest request, AssistantProfile profile, List<Participant> roster, DebateInputs inputs,
            DebateListener listener) {
            this.request = request;
            this.profile = profile;
            this.roster = roster;
            this.inputs = inputs;
            this.settings = request.settings();
            this.budget = new TokenBudget(settings.tokenBudget());
            this.graph = new ExecutionGraph(request.id(), listener);
            this.toolkit = inputs.tools() == null ? null : new ServerAgentTools(inputs.tools());
            this.toolSpecs = toolkit == null ? List.of() : ServerAgentTools.specifications(profile.tools());
            for (Participant participant : roster) {
                byId.put(participant.id(), participant);
                sessions.put(participant.id(), new Session(participant));
            }
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
                    if (!budget.affords(estimateRound(round) + recommendationReserve())) {
                        budgetLimited = true;
                        stopReason = "budget";
                        break;
                    }
                    ExecutionGraph.Node roundStep = graph.start(String.format(Locale.ROOT, "03 %s/round-%02d",
                                    AGENT_DEBATE, round), ExecutionKind.STEP, "debate-round-" + round,
                            "debate-round-" + round, debateStep, List.of(lastStepId), round,
                            "round " + round + " of " + settings.maxRounds(), null);
                    DebateRound result = debateRound(round, roundStep);
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
                    boolean converged = rounds.isEmpty() ? spread(counted) <= settings.convergenceSpread()
                            : rounds.get(rounds.size() - 1).converged();
                    consensus = ConsensusBuilder.build(counted, byId, debateIndex, converged,
                            abstentions.stream().map(Position::participant).toList());
                }
                graph.finish(consensusStep, ExecutionStatus.COMPLETED, consensus == null
                        ? Map.of("abstained", abstentions.size()) : consensus, null, TokenCount.ZERO);
                List<String> missing = EvidenceRules.missing(request.symbols(), debateIndex, counted, byId);
                if (missing.isEmpty()) {
                    boolean moderatorAffordable = budget.affords(recommendationReserve());
                    budgetLimited |= !moderatorAffordable;
                    recommendation = finalRecommendation(root, consensusStep, asRun, consensus, counted,
                            debateIndex, budgetLimited, moderatorAffordable);
                    recommendation = counted(recommendation, counted.size(), abstentions.size(), finalPositions);
                } else {
                    recommendation = insufficientEvidence(root, consensusStep, consensus, counted, abstentions,
                            missing);
                }
            }

            DebateStatus status = finalPositions.isEmpty() ? DebateStatus.FAILED
                    : budgetLimited || !failures.isEmpty() ? DebateStatus.PARTIAL : DebateStatus.COMPLETED;
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
                summaries.add(new ParticipantSummary(session.participant.id(), session.participant.name(),
                        session.participant.mandate(), session.modelId,
                        session.active() ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED, session.lastError,
                        session.tokens, session.active() && session.latest.abstained(),
                        session.active() ? session.latest.lacking() : List.of()));
            }
            return new DebateOutcome(request.id(), status, asRun, summaries, initialPositions, rounds, finalPositions,
                    consensus, recommendation, budget.used(), tokensByStep, budgetLimited, stopReason, failures,
                    graph.executions(), new ArrayList<>(transcript.values()));
        }

        // ------------------------------------------------------------ steps

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
                    failures.put(PARALLEL_SEARCH + "/" + node.name, error);
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
                    failures.put(INITIAL_ANALYSIS + "/" + session.participant.id(), session.lastError);
                    continue;
                }
                prompts.put(session, Prompts.initial(asRun, session.participant, evidence));
            }
            String input = "evidence: " + evidence.items().size() + " items, " + evidence.facts().size()
                    + " fact sets; tools: " + toolSpecs.stream().map(ToolSpecification::name).toList();
            TokenCount tokens = runTurns(INITIAL_ANALYSIS, "02 " + INITIAL_ANALYSIS, 0, step, prompts,
                    s -> List.of(searchStep.id), s -> input);
            graph.finish(step, latestPositions().isEmpty() ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
                    latestPositions(), latestPositions().isEmpty() ? "no participant produced a position" : null, tokens);
            return step;
        }

        private DebateRound debateRound(int round, ExecutionGraph.Node roundStep) {
            // abstainers sit the rounds out: with nothing for their mandate they have nothing to argue
            List<Session> active = sessions.values().stream().filter(Session::counted).toList();
            for (Session session : active) {
                // what the others cite is now before this participant too, tool results included
                active.stream().filter(o -> o != session).forEach(o -> session.index.addAll(o.index));
            }
            Map<String, Position> before = new LinkedHashMap<>();
            List<String> previousNodes = new ArrayList<>();
            for (Session session : active) {
                before.put(session.participant.id(), session.latest);
                previousNodes.add(session.latestNodeId);
            }
            Map<Session, UserMessage> prompts = new LinkedHashMap<>();
            for (Session session : active) {
                List<Position> others = active.stream().filter(o -> o != session).map(o -> o.latest).toList();
                prompts.put(session, Prompts.round(round, session.latest, session.weighed, others, byId));
            }
            TokenCount tokens = runTurns("debate-round", String.format(Locale.ROOT, "03 %s/round-%02d", AGENT_DEBATE,
                    round), round, roundStep, prompts, s -> previousNodes, s -> "round " + round + ": answers "
                    + active.stream().filter(o -> o != s).map(o -> o.participant.id()).toList());
            List<Position> after = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            double confidenceChange = 0;
            for (Session session : active) {
                Position previous = before.get(session.participant.id());
                after.add(session.latest);
                if (session.latest.stance() != previous.stance()) {
                    changes.add(session.participant.id());
                }
                if (session.latest != previous && session.latest.rejectedChange() != null) {
                    rejected.add(session.participant.id());
                }
                confidenceChange += Math.abs(session.latest.confidence() - previous.confidence());
            }
            double meanChange = ConsensusBuilder.round(active.isEmpty() ? 0 : confidenceChange / active.size());
            int spread = spread(after.stream().filter(p -> !p.abstained()).toList());
            boolean converged = spread <= settings.convergenceSpread()
                    && meanChange <= settings.convergenceConfidenceDelta();
            return new DebateRound(round, after, spread, meanChange, changes, converged, tokens, rejected);
        }

        private Recommendation finalRecommendation(ExecutionGraph.Node root, ExecutionGraph.Node consensusStep,
                                                   DebateRequest asRun, Consensus consensus, List<Position> positions,
                                                   CitationIndex index, boolean budgetLimited,
                                                   boolean moderatorAffordable) {
            ExecutionGraph.Node step = graph.start("05 " + FINAL_RECOMMENDATION, ExecutionKind.STEP,
                    FINAL_RECOMMENDATION, FINAL_RECOMMENDATION, root, List.of(consensusStep.id), 0,
                    "consensus " + consensus.rating() + " of " + positions.size() + " positions", null);
            List<ChatMessage> messages = List.of(Prompts.moderatorSystem(profile),
                    Prompts.recommendation(asRun, consensus, positions, byId, budgetLimited));
            Recommendation recommendation = null;
            String fallbackReason;
            TokenCount tokens = TokenCount.ZERO;
            if (!moderatorAffordable) {
                fallbackReason = "token budget exhausted: written by rules, not the model";
            } else {
                Session moderator = new Session(Roster.MODERATOR);
                moderator.index = index;
                try {
                    moderator.model = models.resolve(Roster.MODERATOR.id(),
                            settings.participantModels().get(Roster.MODERATOR.id()), settings.seed());
                    moderator.modelId = moderator.model.id();
                    Map<Session, UserMessage> prompt = new LinkedHashMap<>();
                    prompt.put(moderator, (UserMessage) messages.get(1));
                    tokens = runTurns(FINAL_RECOMMENDATION, "05 " + FINAL_RECOMMENDATION, 0, step, prompt,
                            s -> List.of(consensusStep.id), s -> "consensus " + consensus.rating());
                    recommendation = moderator.lastError == null ? lastRecommendation : null;
                    fallbackReason = moderator.lastError;
                } catch (RuntimeException e) {
                    fallbackReason = "no model: " + describe(e);
                    failures.put(FINAL_RECOMMENDATION + "/" + Roster.MODERATOR.id(), fallbackReason);
                }
            }
            if (recommendation == null) {
                recommendation = rulesRecommendation(messages, index, fallbackReason);
            } else if (Math.abs(recommendation.rating().value() - consensus.rating().value()) > 1) {
                recommendation = new Recommendation(consensus.rating(), recommendation.headline(),
                        recommendation.rationale(), recommendation.evidence(), recommendation.risks(),
                        recommendation.whatWouldChange(), recommendation.portfolioActions(),
                        recommendation.generatedBy(), recommendation.model(), "the model rated "
                        + recommendation.rating() + ", more than one notch from the consensus; the consensus rating stands");
            }
            tokensByStep.put(FINAL_RECOMMENDATION, tokens);
            graph.finish(step, ExecutionStatus.COMPLETED, recommendation, null, tokens);
            return recommendation;
        }

        /**
         * The offline model's rules write the recommendation when the moderator cannot; they spend no tokens and
         * need no network, so the debate always ends with a recommendation.
         */
        private Recommendation rulesRecommendation(List<ChatMessage> messages, CitationIndex index, String reason) {
            ModelSpec rules = ModelSpec.offline();
            ChatResponse response = ModelFactory.create(rules, settings.seed()).chat(messages);
            try {
                Recommendation recommendation = ResponseParser.parseRecommendation(response.aiMessage().text(), index,
                        rules.id(), "rules");
                return withNote(recommendation, reason);
            } catch (InvalidAnswer e) {
                throw new IllegalStateException("The offline recommendation is invalid: " + e.getMessage(), e);
            }
        }

        // ------------------------------------------------------------ turns

        /**
         * Runs one turn per session in parallel, finishing each agent node as soon as its turn ends and applying the
         * results to the sessions afterwards, in roster order.
         */
        private TokenCount runTurns(String step, String pathPrefix, int round, ExecutionGraph.Node parent,
                                    Map<Session, UserMessage> prompts,
                                    Function<Session, List<String>> dependsOn, Function<Session, String> input) {
            Map<Session, ExecutionGraph.Node> nodes = new LinkedHashMap<>();
            Map<Session, CompletableFuture<TurnResult>> futures = new LinkedHashMap<>();
            boolean recommendation = step.equals(FINAL_RECOMMENDATION);
            for (Map.Entry<Session, UserMessage> entry : prompts.entrySet()) {
                Session session = entry.getKey();
                ExecutionGraph.Node node = graph.start(pathPrefix + "/" + session.participant.id(), ExecutionKind.AGENT,
                        session.participant.id(), session.participant.name(), parent, dependsOn.apply(session), round,
                        input.apply(session), session.modelId);
                nodes.put(session, node);
                List<ChatMessage> history = List.copyOf(session.history);
                CitationIndex index = session.index.copy();
                Set<String> toolIds = new HashSet<>(session.toolIds);
                ParticipantTurn.AnswerParser parser = recommendation
                        ? (text, idx) -> ResponseParser.parseRecommendation(text, idx, session.modelId, "model")
                        : (text, idx) -> ResponseParser.parsePosition(text, session.participant.id(), session.modelId,
                        idx);
                Participant participant = session.participant;
                ParticipantTurn.Question question = recommendation
                        ? (agent, message) -> agent.moderate(participant.id(), message, profile.name(),
                        participant.brief(), profile.instructions())
                        : (agent, message) -> agent.argue(participant.id(), message, participant.name(),
                        roster.size(), profile.name(), profile.instructions(), participant.brief());
                futures.put(session, CompletableFuture.supplyAsync(() -> {
                    TurnResult result = new ParticipantTurn(graph, node, session.participant.id(), toolkit, toolSpecs,
                            !recommendation && toolkit != null && !toolSpecs.isEmpty(), history, index, toolIds)
                            .run(session.model.model(), entry.getValue(), question, parser);
                    graph.finish(node, result.error() == null ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED,
                            result.value(), result.error(), result.tokens());
                    return result;
                }, executor));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.callTimeoutSeconds());
            TokenCount stepTokens = TokenCount.ZERO;
            for (Map.Entry<Session, CompletableFuture<TurnResult>> entry : futures.entrySet()) {
                Session session = entry.getKey();
                ExecutionGraph.Node node = nodes.get(session);
                TurnResult result;
                try {
                    result = entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    entry.getValue().cancel(true);
                    String error = "timed out after " + settings.callTimeoutSeconds() + " s";
                    graph.finish(node, ExecutionStatus.FAILED, null, error, TokenCount.ZERO);
                    result = TurnResult.failed(error);
                } catch (ExecutionException e) {
                    String error = describe(e.getCause() == null ? e : e.getCause());
                    graph.finish(node, ExecutionStatus.FAILED, null, error, TokenCount.ZERO);
                    result = TurnResult.failed(error);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Debate interrupted", e);
                }
                stepTokens = stepTokens.plus(result.tokens());
                budget.countTurn(result.inputWords(), result.modelCalls());
                apply(session, node, step, round, result);
            }
            tokensByStep.merge(step.equals("debate-round") ? "debate-round-" + round : step, stepTokens, TokenCount::plus);
            budget.countStep(stepTokens);
            return stepTokens;
        }

        private void apply(Session session, ExecutionGraph.Node node, String step, int round, TurnResult result) {
            session.tokens = session.tokens.plus(result.tokens());
            transcript.put(node.path, new CallRecord(node.id, session.participant.id(), step, round, session.modelId,
                    result.modelCalls(), result.added().stream().map(MessageRecord::of).toList(), result.tokens(),
                    result.error()));
            if (result.error() != null) {
                session.lastError = result.error();
                failures.put((round > 0 ? "debate-round-" + round : step) + "/" + session.participant.id(), result.error());
                return;
            }
            session.history.addAll(result.added());
            session.index = result.index();
            session.toolIds.addAll(result.toolIds());
            if (result.value() instanceof Position position) {
                Position backed = EvidenceRules.checkBacking(position, session.participant, result.index(),
                        request.symbols());
                session.latest = EvidenceRules.checkChange(session.latest, backed, session.weighed);
                session.weighed.addAll(session.latest.citedIds());
                session.latestNodeId = node.id;
            } else if (result.value() instanceof Recommendation recommendation) {
                lastRecommendation = recommendation;
            }
        }

        // ------------------------------------------------------------ helpers

        /** Every participant's latest position, abstentions included. */
        private List<Position> latestPositions() {
            return sessions.values().stream().filter(Session::active).map(s -> s.latest).toList();
        }

        /** The latest positions that take a stance: what the consensus counts. */
        private List<Position> countedPositions() {
            return sessions.values().stream().filter(Session::counted).map(s -> s.latest).toList();
        }

        /**
         * The answer when the debate lacks the minimum evidence for a rating: no rating, what was missing, and who
         * had evidence; written by the rules, so no model is asked to rate what cannot be rated.
         */
        private Recommendation insufficientEvidence(ExecutionGraph.Node root, ExecutionGraph.Node consensusStep,
                                                    Consensus consensus, List<Position> counted,
                                                    List<Position> abstentions, List<String> missing) {
            ExecutionGraph.Node step = graph.start("05 " + FINAL_RECOMMENDATION, ExecutionKind.STEP,
                    FINAL_RECOMMENDATION, FINAL_RECOMMENDATION, root, List.of(consensusStep.id), 0,
                    "insufficient evidence: " + String.join("; ", missing), null);
            String symbols = String.join(", ", request.symbols());
            String line = EvidenceRules.evidenceLine(counted.size(), abstentions.size(), roster.size());
            StringBuilder rationale = new StringBuilder("No rating: a rating needs market data for each symbol and "
                    + "evidence for at least " + EvidenceRules.MIN_MANDATES + " mandates. Missing: ")
                    .append(String.join("; ", missing)).append('.');
            for (Position position : counted) {
                position.arguments().stream().filter(a -> !a.evidence().isEmpty()).findFirst().ifPresent(a ->
                        rationale.append(' ').append(byId.get(position.participant()).name()).append(" had: ")
                                .append(a.claim()).append('.'));
            }
            List<String> cited = counted.stream().flatMap(p -> p.citedIds().stream()).distinct().toList();
            List<Note> wouldChange = missing.stream().map(m -> new Note("A rating needs " + m + ".", List.of(), null))
                    .toList();
            String note = consensus == null ? null : "the participants with evidence leaned " + consensus.rating()
                    + "; without the minimum evidence that is not a rating";
            Recommendation recommendation = new Recommendation(null, "Insufficient evidence on " + symbols
                    + " for a rating: missing " + String.join("; ", missing) + " (" + line + ")",
                    rationale.toString(), cited, List.of(), wouldChange, List.of(), "rules", null, note, true, missing,
                    counted.size(), abstentions.size());
            tokensByStep.put(FINAL_RECOMMENDATION, TokenCount.ZERO);
            graph.finish(step, ExecutionStatus.COMPLETED, recommendation, null, TokenCount.ZERO);
            return recommendation;
        }

        /** The recommendation with the risks as downside facts, each once, and how many had evidence. */
        private Recommendation counted(Recommendation recommendation, int withEvidence, int abstained,
                                       List<Position> positions) {
            String line = EvidenceRules.evidenceLine(withEvidence, abstained, roster.size());
            String headline = recommendation.headline() == null || recommendation.headline().isBlank()
                    ? recommendation.rating().label() : recommendation.headline();
            return new Recommendation(recommendation.rating(), headline + " (" + line + ")",
                    recommendation.rationale(), recommendation.evidence(),
                    EvidenceRules.risks(recommendation.risks(), positions), recommendation.whatWouldChange(),
                    recommendation.portfolioActions(), recommendation.generatedBy(), recommendation.model(),
                    recommendation.note(), false, List.of(), withEvidence, abstained);
        }

        /**
         * What a round will cost: every active participant resends its conversation plus the round's prompt. Counted
         * in words and scaled by the tokens-per-word the models have reported so far.
         */
        private long estimateRound(int round) {
            long words = 0;
            List<Session> active = sessions.values().stream().filter(Session::counted).toList();
            for (Session session : active) {
                List<Position> others = active.stream().filter(o -> o != session).map(o -> o.latest).toList();
                words += MessageRecord.words(session.history) + AgentProtocol.countTokens(
                        Prompts.round(round, session.latest, session.weighed, others, byId).singleText());
            }
            return budget.tokensForWords(words) + active.size() * budget.outputPerCall();
        }

        /** What the moderator's call will roughly cost: its system prompt and the final positions, twice over. */
        private long recommendationReserve() {
            long words = AgentProtocol.countTokens(Prompts.moderatorSystem(profile).text());
            for (Position position : latestPositions()) {
                words += 2L * AgentProtocol.countTokens(CanonicalJson.write(position));
            }
            return budget.tokensForWords(words) + budget.outputPerCall();
        }
    }

    // ---------------------------------------------------------------- static helpers

    private static int spread(List<Position> positions) {
        int min = positions.stream().mapToInt(p -> p.stance().value()).min().orElse(0);
        int max = positions.stream().mapToInt(p -> p.stance().value()).max().orElse(0);
        return max - min;
    }

    private static Recommendation withNote(Recommendation recommendation, String note) {
        return new Recommendation(recommendation.rating(), recommendation.headline(), recommendation.rationale(),
                recommendation.evidence(), recommendation.risks(), recommendation.whatWouldChange(),
                recommendation.portfolioActions(), recommendation.generatedBy(), recommendation.model(), note);
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
