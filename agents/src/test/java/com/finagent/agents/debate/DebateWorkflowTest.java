package com.finagent.agents.debate;

import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.model.TokenCount;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.provider.ModelCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole workflow with the offline model on the NVDA fixture: bullish momentum, high volatility, mixed sentiment. */
class DebateWorkflowTest {

    private static ExecutorService pool;
    private static DebateEngine engine;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
        engine = new DebateEngine(new ModelCatalog(ModelSettings.offline()), pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static DebateOutcome run(DebateRequest request, RecordingListener listener) {
        return engine.run(request, DebateInputs.of(new FixtureTools(request)), listener);
    }

    @Test
    void analystDebateArguesFromEvidenceAndKeepsDissent() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        FixtureTools tools = new FixtureTools(request);
        RecordingListener listener = new RecordingListener();
        DebateOutcome outcome = engine.run(request, DebateInputs.of(tools), listener);

        assertEquals(DebateStatus.COMPLETED, outcome.status());
        assertEquals(List.of("fundamental", "technical", "sentiment", "risk"),
                outcome.participants().stream().map(ParticipantSummary::id).toList());
        Map<String, Stance> initial = stances(outcome.initialPositions());
        assertEquals(Map.of("fundamental", Stance.BUY, "technical", Stance.STRONG_BUY, "sentiment", Stance.HOLD,
                "risk", Stance.STRONG_SELL), initial, "each mandate reads the same evidence its own way");
        for (Position position : outcome.initialPositions()) {
            assertFalse(position.arguments().isEmpty());
            position.arguments().forEach(a -> assertFalse(a.evidence().isEmpty(), "uncited: " + a.claim()));
            assertEquals(List.of(), position.invalidCitations());
            assertEquals(List.of(), position.unverifiedNumbers(), "every figure comes from the evidence");
        }
        assertTrue(outcome.initialPositions().stream().filter(p -> p.participant().equals("technical"))
                .flatMap(p -> p.citedIds().stream()).anyMatch(id -> id.startsWith("technical:technicalIndicators:NVDA#")),
                "the technical analyst cites the indicators it fetched");
        assertFalse(tools.calls().isEmpty());

        assertEquals(3, outcome.rounds().size());
        DebateRound first = outcome.rounds().get(0);
        assertEquals(List.of("risk"), first.stanceChanges());
        Position risk = first.positions().stream().filter(p -> p.participant().equals("risk")).findFirst().orElseThrow();
        assertEquals(Stance.SELL, risk.stance());
        assertEquals(Stance.STRONG_SELL, risk.revisedFrom());
        for (DebateRound round : outcome.rounds()) {
            for (Position position : round.positions()) {
                Argument rebuttal = position.arguments().get(0);
                assertNotNull(rebuttal.respondsTo(), position.participant() + " answers someone in round " + round.round());
                assertTrue(initial.containsKey(rebuttal.respondsTo()));
                assertEquals(List.of(), position.unverifiedNumbers());
            }
        }
        assertEquals("stable", outcome.stopReason());
        assertEquals(List.of(), outcome.rounds().get(2).stanceChanges());

        Consensus consensus = outcome.consensus();
        assertEquals(Stance.BUY, consensus.rating());
        assertEquals(Map.of("risk", Stance.SELL, "technical", Stance.STRONG_BUY),
                consensus.dissent().stream().collect(Collectors.toMap(Dissent::participant, Dissent::stance)),
                "dissent is kept, not averaged away");
        consensus.dissent().forEach(d -> assertFalse(d.reasons().isEmpty()));

        Recommendation recommendation = outcome.recommendation();
        assertEquals(Stance.BUY, recommendation.rating());
        assertEquals("model", recommendation.generatedBy());
        assertEquals(OfflineChatModel.MODEL_ID, recommendation.model());
        assertFalse(recommendation.risks().isEmpty());
        recommendation.risks().forEach(r -> assertFalse(r.evidence().isEmpty()));
        assertTrue(recommendation.whatWouldChange().stream().anyMatch(n -> n.text().contains("Risk Manager")));
        PortfolioAction action = recommendation.portfolioActions().get(0);
        assertEquals("NVDA", action.symbol());
        assertTrue(action.action().contains("do not add"), action.action());
        assertTrue(action.reason().contains("25.6%") && action.reason().contains("79.9%"), action.reason());
        assertEquals(List.of("portfolio:NVDA"), action.evidence());

        long stepTotal = outcome.tokensByStep().values().stream().mapToLong(TokenCount::total).sum();
        assertEquals(outcome.tokens().total(), stepTotal);
        assertTrue(outcome.tokensByStep().keySet().containsAll(List.of("initial-analysis", "debate-round-1",
                "debate-round-2", "debate-round-3", "final-recommendation")));
        outcome.transcript().forEach(call -> assertEquals(OfflineChatModel.MODEL_ID, call.model()));
        assertFalse(outcome.budgetLimited());

        assertGraph(outcome, listener);
    }

    /** Every node starts before it finishes, parents and dependencies exist, the five steps are there. */
    private static void assertGraph(DebateOutcome outcome, RecordingListener listener) {
        assertEquals(listener.started.size(), listener.finished.size());
        assertEquals(outcome.executions().size(), listener.finished.size());
        Map<String, Execution> byId = new HashMap<>();
        listener.finished.forEach(e -> byId.put(e.id(), e));
        Set<String> startedIds = new HashSet<>();
        listener.started.forEach(e -> {
            assertEquals(ExecutionStatus.RUNNING, e.status());
            startedIds.add(e.id());
        });
        assertEquals(startedIds, byId.keySet());
        for (Execution execution : listener.finished) {
            assertTrue(listener.order.indexOf("start " + execution.id()) < listener.order.indexOf("finish " + execution.id()));
            if (execution.kind() != ExecutionKind.DEBATE) {
                assertTrue(byId.containsKey(execution.parentId()), "parent of " + execution.name());
            }
            execution.dependsOn().forEach(d -> assertTrue(byId.containsKey(d), "dependency of " + execution.name()));
            assertNotNull(execution.durationMs());
        }
        Set<String> steps = listener.finished.stream().filter(e -> e.kind() == ExecutionKind.STEP)
                .map(Execution::name).collect(Collectors.toSet());
        assertTrue(steps.containsAll(List.of("parallel-search", "initial-analysis", "agent-debate", "debate-round-1",
                "consensus-building", "final-recommendation")), steps.toString());
        Execution root = listener.finished.get(listener.finished.size() - 1);
        assertEquals(ExecutionKind.DEBATE, root.kind());
        assertTrue(listener.finished.stream().anyMatch(e -> e.kind() == ExecutionKind.TOOL
                && byId.get(e.parentId()).kind() == ExecutionKind.AGENT));
        Execution roundTwoAgent = listener.finished.stream()
                .filter(e -> e.kind() == ExecutionKind.AGENT && e.round() == 2).findFirst().orElseThrow();
        assertEquals(4, roundTwoAgent.dependsOn().size(), "a round-2 turn read all four round-1 positions");
        roundTwoAgent.dependsOn().forEach(d -> assertEquals(1, byId.get(d).round()));
    }

    @Test
    void identicalInputGivesIdenticalOutcome() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        DebateOutcome first = run(request, new RecordingListener());
        DebateOutcome second = run(request, new RecordingListener());
        assertEquals(DebateJson.canonical(first), DebateJson.canonical(second));
        assertEquals(request.evidence(), first.request().evidence());
        assertEquals(42L, first.request().settings().seed());
    }

    @Test
    void storedOutcomeReplaysToTheSameResult() {
        DebateOutcome original = run(DebateFixtures.request("nvda-analyst.json"), new RecordingListener());
        DebateOutcome stored = DebateJson.readOutcome(DebateJson.toJson(original));
        DebateOutcome replayed = run(stored.request(), new RecordingListener());
        assertEquals(DebateJson.canonical(original), DebateJson.canonical(replayed));
    }

    @Test
    void generalDebateConvergesEarly() {
        DebateRequest request = withType(DebateFixtures.request("nvda-analyst.json"), "general");
        DebateOutcome outcome = run(request, new RecordingListener());
        assertEquals("converged", outcome.stopReason());
        assertEquals(1, outcome.rounds().size(), "stopped before the three allowed rounds");
        assertTrue(outcome.rounds().get(0).converged());
        assertTrue(outcome.consensus().converged());
        assertEquals(Stance.HOLD, outcome.consensus().rating());
        assertEquals(List.of("bull"), outcome.consensus().dissent().stream().map(Dissent::participant).toList());
        assertFalse(outcome.consensus().agreement().isEmpty(), "bear and neutral reviewer cite the same risk figures");
        assertTrue(outcome.recommendation().portfolioActions().get(0).action().contains("trim"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"general", "analyst", "trader", "advisor", "riskManager", "economist"})
    void everyAssistantTypeDebates(String type) {
        DebateOutcome outcome = run(withType(DebateFixtures.request("nvda-analyst.json"), type), new RecordingListener());
        assertEquals(DebateStatus.COMPLETED, outcome.status());
        assertTrue(outcome.participants().size() >= 3);
        assertEquals(outcome.participants().size(),
                outcome.participants().stream().map(ParticipantSummary::mandate).distinct().count());
        assertFalse(outcome.rounds().isEmpty());
        for (Position position : outcome.finalPositions()) {
            assertFalse(position.citedIds().isEmpty());
            assertEquals(List.of(), position.unverifiedNumbers());
            assertEquals(List.of(), position.invalidCitations());
        }
        assertNotNull(outcome.recommendation());
        assertTrue(Math.abs(outcome.recommendation().rating().value() - outcome.consensus().rating().value()) <= 1);
    }

    @Test
    void withoutToolsTheParticipantsCiteTheRequestEvidence() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        RecordingListener listener = new RecordingListener();
        DebateOutcome outcome = engine.run(request, listener);
        assertEquals(DebateStatus.COMPLETED, outcome.status());
        assertTrue(listener.finished.stream().noneMatch(e -> e.kind() == ExecutionKind.TOOL));
        Position technical = outcome.initialPositions().stream().filter(p -> p.participant().equals("technical"))
                .findFirst().orElseThrow();
        assertTrue(technical.citedIds().stream().allMatch(id -> id.startsWith("q-NVDA-market#")), technical.citedIds().toString());
        assertEquals(Stance.STRONG_BUY, technical.stance());
    }

    @Test
    void missingSettingsTakeTheirDefaults() {
        DebateRequest request = DebateJson.readRequest("{\"query\": \"q\", \"assistantType\": \"general\", "
                + "\"symbols\": [\"nvda\"], \"settings\": {\"tokenBudget\": 5000}}");
        assertEquals(List.of("NVDA"), request.symbols());
        assertEquals(3, request.settings().maxRounds());
        assertEquals(5000L, request.settings().tokenBudget());
        assertEquals(0.05, request.settings().convergenceConfidenceDelta());
        DebateOutcome outcome = engine.run(request, DebateListener.NONE);
        assertTrue(outcome.recommendation().insufficientEvidence(), "no evidence, no rating");
        assertNull(outcome.recommendation().rating());
        assertTrue(outcome.finalPositions().stream().allMatch(Position::abstained));
        assertNotNull(outcome.debateId(), "a request without id gets a fresh one");
    }

    @Test
    void parallelSearchMergesSourcesAndSurvivesAFailingOne() {
        DebateRequest full = DebateFixtures.request("nvda-analyst.json");
        DebateRequest bare = full.withEvidence(Evidence.empty());
        EvidenceSource news = source("news-search", new Evidence(full.evidence().items(), List.of()));
        EvidenceSource figures = source("analytics", new Evidence(List.of(), full.evidence().facts()));
        EvidenceSource broken = new EvidenceSource() {
            @Override
            public String name() {
                return "broken-feed";
            }

            @Override
            public Evidence gather(String query, String assistantType, List<String> symbols) {
                throw new IllegalStateException("feed unavailable");
            }
        };
        RecordingListener listener = new RecordingListener();
        DebateOutcome outcome = engine.run(bare, new DebateInputs(List.of(news, broken, figures), null), listener);
        assertEquals(full.evidence().items().size(), outcome.request().evidence().items().size());
        assertEquals(full.evidence().facts().size(), outcome.request().evidence().facts().size());
        assertEquals("IllegalStateException: feed unavailable", outcome.failures().get("parallel-search/broken-feed"));
        assertEquals(DebateStatus.PARTIAL, outcome.status());
        assertEquals(3, listener.finished.stream().filter(e -> e.kind() == ExecutionKind.SOURCE).count());
        DebateOutcome direct = engine.run(full, DebateListener.NONE);
        assertEquals(stances(direct.finalPositions()), stances(outcome.finalPositions()),
                "evidence from sources reasons like evidence in the request");
    }

    private static EvidenceSource source(String name, Evidence evidence) {
        return new EvidenceSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Evidence gather(String query, String assistantType, List<String> symbols) {
                return evidence;
            }
        };
    }

    static Map<String, Stance> stances(List<Position> positions) {
        return positions.stream().collect(Collectors.toMap(Position::participant, Position::stance));
    }

    static DebateRequest withType(DebateRequest request, String type) {
        return new DebateRequest(request.id(), request.query(), type, request.symbols(), request.evidence(),
                request.portfolio(), request.settings());
    }
}
