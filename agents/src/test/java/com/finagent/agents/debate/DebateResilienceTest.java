package com.finagent.agents.debate;

import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.OfflineChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failing participants, unusable answers, the token budget, timeouts and parallelism. */
class DebateResilienceTest {

    private static final OfflineChatModel OFFLINE = new OfflineChatModel();
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static DebateOutcome run(DebateRequest request, Function<String, ChatModel> models, RecordingListener listener) {
        ModelResolver resolver = (participant, requested, seed) -> {
            ChatModel model = models.apply(participant);
            return new ResolvedModel(model == OFFLINE ? OfflineChatModel.MODEL_ID : "test:" + participant, model);
        };
        return new DebateEngine(resolver, pool).run(request, DebateInputs.of(new FixtureTools(request)), listener);
    }

    private static ChatModel failing(String message) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException(message);
            }
        };
    }

    /** Answers {@code reply(n)} on the n-th call (from 1), or the offline model's answer when it gives null. */
    private static ChatModel scripted(Function<Integer, String> reply) {
        AtomicInteger calls = new AtomicInteger();
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                String text = reply.apply(calls.incrementAndGet());
                return text == null ? OFFLINE.chat(request) : ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
            }
        };
    }

    @Test
    void aFailingParticipantIsRecordedAndTheDebateGoesOn() {
        RecordingListener listener = new RecordingListener();
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("sentiment") ? failing("upstream 503") : OFFLINE, listener);
        assertEquals(DebateStatus.PARTIAL, outcome.status());
        assertEquals("IllegalStateException: upstream 503", outcome.failures().get("initial-analysis/sentiment"));
        ParticipantSummary sentiment = outcome.participants().stream().filter(p -> p.id().equals("sentiment"))
                .findFirst().orElseThrow();
        assertEquals(ExecutionStatus.FAILED, sentiment.status());
        assertEquals(3, outcome.initialPositions().size());
        assertFalse(outcome.rounds().isEmpty());
        outcome.rounds().forEach(r -> assertEquals(3, r.positions().size()));
        assertNotNull(outcome.recommendation());
        assertTrue(listener.finished.stream().anyMatch(e -> e.kind() == ExecutionKind.AGENT
                && e.name().equals("sentiment") && e.status() == ExecutionStatus.FAILED
                && "IllegalStateException: upstream 503".equals(e.error())));
    }

    @Test
    void aParticipantFailingInARoundKeepsItsLastPosition() {
        ChatModel flaky = scripted(n -> {
            if (n == 4) {
                throw new IllegalStateException("connection reset");
            }
            return null;
        });
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("technical") ? flaky : OFFLINE, new RecordingListener());
        // calls 1-2 are the initial analysis (tools, answer), 3 is round 1, 4 is round 2
        assertEquals("IllegalStateException: connection reset", outcome.failures().get("debate-round-2/technical"));
        Position roundOne = outcome.rounds().get(0).positions().stream()
                .filter(p -> p.participant().equals("technical")).findFirst().orElseThrow();
        Position roundTwo = outcome.rounds().get(1).positions().stream()
                .filter(p -> p.participant().equals("technical")).findFirst().orElseThrow();
        assertEquals(roundOne, roundTwo);
        assertEquals(DebateStatus.PARTIAL, outcome.status());
        assertEquals(4, outcome.finalPositions().size());
    }

    @Test
    void aFailingModeratorLeavesTheRulesToWriteTheRecommendation() {
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("moderator") ? failing("quota exceeded") : OFFLINE, new RecordingListener());
        assertEquals("IllegalStateException: quota exceeded", outcome.failures().get("final-recommendation/moderator"));
        assertEquals("rules", outcome.recommendation().generatedBy());
        assertEquals("IllegalStateException: quota exceeded", outcome.recommendation().note());
        assertEquals(outcome.consensus().rating(), outcome.recommendation().rating());
        assertEquals(DebateStatus.PARTIAL, outcome.status());
    }

    @Test
    void aModeratorStrayingFromTheConsensusIsOverruled() {
        ChatModel contrarian = scripted(n -> "{\"rating\": \"STRONG_SELL\", \"rationale\": \"I disagree.\"}");
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("moderator") ? contrarian : OFFLINE, new RecordingListener());
        assertEquals(Stance.BUY, outcome.recommendation().rating());
        assertTrue(outcome.recommendation().note().contains("STRONG_SELL"));
    }

    @Test
    void fencedJsonWithProseIsRead() {
        ChatModel chatty = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                ChatResponse answer = OFFLINE.chat(request);
                if (answer.aiMessage().hasToolExecutionRequests()) {
                    return answer;
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("Here is my position:\n```json\n"
                        + answer.aiMessage().text() + "\n```\nHappy to discuss.")).build();
            }
        };
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"), id -> chatty, new RecordingListener());
        assertEquals(DebateStatus.COMPLETED, outcome.status());
        assertEquals(Stance.BUY, outcome.recommendation().rating());
    }

    @Test
    void invalidJsonGetsOneRepairRequest() {
        ChatModel sloppy = scripted(n -> n == 2 ? "Stance: strong buy, I am very confident." : null);
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        ChatModel recorded = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.add(request);
                return sloppy.chat(request);
            }
        };
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("technical") ? recorded : OFFLINE, new RecordingListener());
        assertEquals(DebateStatus.COMPLETED, outcome.status());
        CallRecord initial = outcome.transcript().stream()
                .filter(c -> c.participant().equals("technical") && c.step().equals("initial-analysis"))
                .findFirst().orElseThrow();
        assertEquals(3, initial.modelCalls(), "tool call, invalid answer, repaired answer");
        assertTrue(initial.messages().stream().anyMatch(m -> m.role().equals("user")
                && m.text().contains("could not be used: the answer contains no JSON object")));
        assertEquals(Stance.STRONG_BUY, DebateWorkflowTest.stances(outcome.initialPositions()).get("technical"));
        ChatRequest repair = seen.get(2);
        assertFalse(repair.toolSpecifications().isEmpty(), "tools stay declared beside the tool call, as Anthropic "
                + "requires");
        assertEquals(ToolChoice.NONE, repair.toolChoice(), "but the repaired answer may not use them");
    }

    @Test
    void invalidJsonTwiceFailsTheParticipantOnly() {
        ChatModel broken = scripted(n -> n == 1 ? null : "{\"stance\": \"MAYBE\", \"confidence\": 2}");
        DebateOutcome outcome = run(DebateFixtures.request("nvda-analyst.json"),
                id -> id.equals("risk") ? broken : OFFLINE, new RecordingListener());
        assertTrue(outcome.failures().get("initial-analysis/risk").startsWith("unusable answer after a repair request"),
                outcome.failures().toString());
        assertEquals(3, outcome.finalPositions().size());
        assertNotNull(outcome.consensus());
    }

    @Test
    void theTokenBudgetStopsCleanly() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        DebateOutcome unlimited = run(request, id -> OFFLINE, new RecordingListener());
        long initial = unlimited.tokensByStep().get("initial-analysis").total();
        long roundOne = unlimited.tokensByStep().get("debate-round-1").total();
        long budget = initial + roundOne + roundOne / 2;

        DebateOutcome limited = run(request.withSettings(request.settings().withTokenBudget(budget)), id -> OFFLINE,
                new RecordingListener());
        assertTrue(limited.budgetLimited());
        assertEquals("budget", limited.stopReason());
        assertEquals(DebateStatus.PARTIAL, limited.status());
        assertEquals(1, limited.rounds().size(), "round 2 would not have fitted");
        assertTrue(limited.tokens().total() <= budget, limited.tokens() + " within " + budget);
        assertNotNull(limited.consensus());
        assertNotNull(limited.recommendation());

        DebateOutcome starved = run(request.withSettings(request.settings().withTokenBudget(initial)), id -> OFFLINE,
                new RecordingListener());
        assertTrue(starved.rounds().isEmpty());
        assertEquals("rules", starved.recommendation().generatedBy());
        assertTrue(starved.recommendation().note().contains("budget"));
        assertEquals(initial, starved.tokens().total(), "nothing spent after the budget ran out");
    }

    @Test
    void aTurnThatTakesTooLongTimesOut() {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        DebateSettings settings = request.settings().withMaxRounds(1).withCallTimeoutSeconds(1);
        DebateOutcome outcome = run(request.withSettings(settings),
                id -> id.equals("fundamental") ? new DelayedChatModel(OFFLINE, 3_000) : OFFLINE, new RecordingListener());
        assertEquals("timed out after 1 s", outcome.failures().get("initial-analysis/fundamental"));
        assertEquals(3, outcome.finalPositions().size());
    }

    @Test
    void participantsRunInParallelSoWallTimeFollowsTheCriticalPath() {
        long delay = 150;
        DelayedChatModel slow = new DelayedChatModel(OFFLINE, delay);
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        long start = System.nanoTime();
        DebateOutcome outcome = run(request, id -> slow, new RecordingListener());
        long wallMs = (System.nanoTime() - start) / 1_000_000;

        int criticalCalls = criticalPathCalls(outcome);
        long critical = criticalCalls * delay;
        long sequential = (long) slow.calls() * delay;
        assertEquals(2 + outcome.rounds().size() + 1, criticalCalls, "tools+answer, one per round, moderator");
        assertTrue(wallMs < critical * 1.5, "wall " + wallMs + " ms against critical path " + critical + " ms");
        assertTrue(wallMs < sequential * 0.6, "wall " + wallMs + " ms against sequential " + sequential + " ms");
    }

    /** Model calls on the longest chain: the slowest participant's calls in each step, steps in sequence. */
    static int criticalPathCalls(DebateOutcome outcome) {
        Map<String, Integer> longestPerStep = new java.util.TreeMap<>();
        for (CallRecord call : outcome.transcript()) {
            String step = call.step() + call.round();
            longestPerStep.merge(step, call.modelCalls(), Math::max);
        }
        return longestPerStep.values().stream().mapToInt(Integer::intValue).sum();
    }
}
