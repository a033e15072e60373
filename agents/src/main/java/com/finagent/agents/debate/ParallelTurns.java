package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.ServerAgentTools;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a step's participant turns in parallel within the call timeout. The turns work on copies of their sessions'
 * state, and the results are applied to the sessions on the debate thread only, in roster order, so the outcome does
 * not depend on which turn finished first.
 */
final class ParallelTurns {

    private final ExecutionGraph graph;
    private final Executor executor;
    private final DebateRequest request;
    private final AssistantProfile profile;
    private final int rosterSize;
    private final TokenBudget budget;
    private final RunLog log;
    private final ServerAgentTools toolkit;
    private final List<ToolSpecification> toolSpecs;
    private Recommendation lastRecommendation;

    ParallelTurns(ExecutionGraph graph, Executor executor, DebateRequest request, AssistantProfile profile,
                  int rosterSize, DebateInputs inputs, TokenBudget budget, RunLog log) {
        this.graph = graph;
        this.executor = executor;
        this.request = request;
        this.profile = profile;
        this.rosterSize = rosterSize;
        this.budget = budget;
        this.log = log;
        this.toolkit = inputs.tools() == null ? null : new ServerAgentTools(inputs.tools());
        this.toolSpecs = toolkit == null ? List.of() : ServerAgentTools.specifications(profile.tools());
    }

    /** The tools participants are offered, none when the debate has no tools. */
    List<ToolSpecification> toolSpecs() {
        return toolSpecs;
    }

    /** The recommendation the moderator's last successful turn produced. */
    Recommendation lastRecommendation() {
        return lastRecommendation;
    }

    /**
     * Runs one turn per session in parallel, finishing each agent node as soon as its turn ends and applying the
     * results to the sessions afterwards, in roster order.
     */
    TokenCount run(String step, String pathPrefix, int round, ExecutionGraph.Node parent,
                   Map<Session, UserMessage> prompts,
                   Function<Session, List<String>> dependsOn, Function<Session, String> input) {
        Map<Session, ExecutionGraph.Node> nodes = new LinkedHashMap<>();
        Map<Session, CompletableFuture<TurnResult>> futures = new LinkedHashMap<>();
        boolean recommendation = step.equals(DebateEngine.FINAL_RECOMMENDATION);
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
                    rosterSize, profile.name(), profile.instructions(), participant.brief());
            futures.put(session, CompletableFuture.supplyAsync(() -> {
                TurnResult result = new ParticipantTurn(graph, node, session.participant.id(), toolkit, toolSpecs,
                        !recommendation && toolkit != null && !toolSpecs.isEmpty(), history, index, toolIds)
                        .run(session.model.model(), entry.getValue(), question, parser);
                graph.finish(node, result.error() == null ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED,
                        result.value(), result.error(), result.tokens());
                return result;
            }, executor));
        }
        long timeoutSeconds = request.settings().callTimeoutSeconds();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        TokenCount stepTokens = TokenCount.ZERO;
        for (Map.Entry<Session, CompletableFuture<TurnResult>> entry : futures.entrySet()) {
            Session session = entry.getKey();
            ExecutionGraph.Node node = nodes.get(session);
            TurnResult result;
            try {
                result = entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                String error = "timed out after " + timeoutSeconds + " s";
                graph.finish(node, ExecutionStatus.FAILED, null, error, TokenCount.ZERO);
                result = TurnResult.failed(error);
            } catch (ExecutionException e) {
                String error = DebateEngine.describe(e.getCause() == null ? e : e.getCause());
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
        log.tokensByStep.merge(step.equals("debate-round") ? "debate-round-" + round : step, stepTokens,
                TokenCount::plus);
        budget.countStep(stepTokens);
        return stepTokens;
    }

    private void apply(Session session, ExecutionGraph.Node node, String step, int round, TurnResult result) {
        session.tokens = session.tokens.plus(result.tokens());
        log.transcript.put(node.path, new CallRecord(node.id, session.participant.id(), step, round, session.modelId,
                result.modelCalls(), result.added().stream().map(MessageRecord::of).toList(), result.tokens(),
                result.error()));
        if (result.error() != null) {
            session.lastError = result.error();
            log.failures.put((round > 0 ? "debate-round-" + round : step) + "/" + session.participant.id(),
                    result.error());
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
}
