package com.finagent.agents.debate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence rules hold for a language model too: a model behind the OpenAI wire format (LangChain4j's real
 * {@code OpenAiChatModel} against a WireMock server) that breaks them is corrected by the engine, not trusted.
 */
class DebateEvidenceWireTest {

    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static DebateOutcome run(DebateRequest request, Function<JsonNode, String> script) {
        try (OpenAiWireServer server = new OpenAiWireServer(script)) {
            ModelSettings settings = ModelSettings.fromProperties(Map.of(
                    "FINAGENT_LLM_PROVIDER", "openai-compatible",
                    "FINAGENT_LLM_BASE_URL", server.baseUrl(),
                    "FINAGENT_LLM_MODEL", "wire-model",
                    "FINAGENT_LLM_API_KEY", "sk-test-123"));
            return new DebateEngine(new ModelCatalog(settings), pool)
                    .run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);
        }
    }

    /** The context block of the request's last user message: task, participant, positions. */
    private static JsonNode context(JsonNode body) {
        JsonNode last = null;
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                last = message;
            }
        }
        return last == null ? Json.mapper().createObjectNode()
                : AgentProtocol.context(last.path("content").asText()).orElse(Json.mapper().createObjectNode());
    }

    @Test
    void aStanceChangeWithoutNewEvidenceIsRevertedAndRecorded() {
        DebateRequest fixture = DebateFixtures.request("nvda-analyst.json");
        DebateRequest request = fixture.withSettings(fixture.settings().withMaxRounds(1));
        // the sentiment analyst jumps to STRONG_BUY in round 1 on exactly what it cited before
        DebateOutcome outcome = run(request, body -> {
            JsonNode context = context(body);
            JsonNode you = context.path("you");
            if (!context.path("task").asText().equals(AgentProtocol.TASK_ROUND)
                    || !you.path("participant").asText().equals("sentiment")) {
                return null;
            }
            ObjectNode answer = Json.mapper().createObjectNode();
            answer.put("stance", "STRONG_BUY");
            answer.put("confidence", 0.95);
            answer.put("summary", "The others are confident, so I am too.");
            answer.set("arguments", you.path("arguments").deepCopy());
            answer.put("revisedFrom", you.path("stance").asText());
            return Json.write(answer);
        });

        Position initial = outcome.initialPositions().stream().filter(p -> p.participant().equals("sentiment"))
                .findFirst().orElseThrow();
        DebateRound round = outcome.rounds().get(0);
        Position after = round.positions().stream().filter(p -> p.participant().equals("sentiment"))
                .findFirst().orElseThrow();
        assertEquals(Stance.HOLD, initial.stance());
        assertEquals(initial.stance(), after.stance(), "the change was reverted");
        assertNull(after.revisedFrom());
        assertNotNull(after.rejectedChange());
        assertTrue(after.rejectedChange().contains("from HOLD to STRONG_BUY"), after.rejectedChange());
        assertEquals(List.of("sentiment"), round.rejectedChanges());
        assertFalse(round.stanceChanges().contains("sentiment"));
    }

    @Test
    void aBuyOnInsufficientEvidenceBecomesInsufficientEvidence() {
        DebateRequest request = EvidenceDisciplineTest.nvdaWithoutMarketData("analyst");
        // every participant says BUY on the posts, and the moderator would rate STRONG_BUY
        DebateOutcome outcome = run(request, body -> {
            String task = context(body).path("task").asText();
            if (task.equals(AgentProtocol.TASK_RECOMMENDATION)) {
                return "{\"rating\":\"STRONG_BUY\",\"headline\":\"Strong buy\",\"rationale\":\"Posts are positive.\","
                        + "\"evidence\":[\"social-1\"],\"risks\":[]}";
            }
            return "{\"stance\":\"BUY\",\"confidence\":0.9,\"summary\":\"Positive posts.\",\"arguments\":[{\"claim\":"
                    + "\"Posts about NVDA are positive\",\"evidence\":[\"social-1\",\"news-1\"],\"direction\":\"bullish\"}]}";
        });

        Recommendation answer = outcome.recommendation();
        assertTrue(answer.insufficientEvidence(), answer.toString());
        assertNull(answer.rating(), "never a buy");
        assertTrue(answer.missing().contains("market data for NVDA"), answer.missing().toString());
        assertEquals("rules", answer.generatedBy());
        assertEquals(1, answer.withEvidence(), "only the sentiment analyst's mandate weighs posts");
        assertEquals(3, answer.abstained());
        for (String abstainer : List.of("fundamental", "technical", "risk")) {
            Position position = outcome.finalPositions().stream().filter(p -> p.participant().equals(abstainer))
                    .findFirst().orElseThrow();
            assertTrue(position.abstained(), abstainer + " cited nothing its mandate weighs");
            assertFalse(position.lacking().isEmpty());
        }
        assertTrue(answer.note().contains("leaned BUY"), answer.note());
    }

    @Test
    void theModeratorsRisksAreDownsideFactsEachOnce() {
        DebateRequest fixture = DebateFixtures.request("nvda-analyst.json");
        DebateRequest request = fixture.withSettings(fixture.settings().withMaxRounds(1));
        String[] bullish = new String[1];
        DebateOutcome outcome = run(request, body -> {
            JsonNode context = context(body);
            if (!context.path("task").asText().equals(AgentProtocol.TASK_RECOMMENDATION)) {
                return null;
            }
            for (JsonNode position : context.path("positions")) {
                for (JsonNode argument : position.path("arguments")) {
                    if (bullish[0] == null && argument.path("direction").asText().equals("bullish")) {
                        bullish[0] = argument.path("claim").asText();
                    }
                }
            }
            ObjectNode answer = Json.mapper().createObjectNode();
            answer.put("rating", context.path("consensus").path("rating").asText());
            answer.put("headline", "View on NVDA");
            answer.put("rationale", "From the consensus.");
            answer.putArray("evidence").add("q-NVDA-risk#var95");
            ArrayNode risks = answer.putArray("risks");
            for (int i = 0; i < 2; i++) {
                risks.addObject().put("text", "1-day 95% VaR of 4.1% of the position's value")
                        .put("raisedBy", "risk").putArray("evidence").add("q-NVDA-risk#var95");
            }
            risks.addObject().put("text", bullish[0]).putArray("evidence");
            return Json.write(answer);
        });

        List<String> risks = outcome.recommendation().risks().stream().map(Note::text).toList();
        assertNotNull(bullish[0]);
        assertEquals(List.of("1-day 95% VaR of 4.1% of the position's value"), risks,
                "the repeated VaR once, the bullish point (" + bullish[0] + ") not at all");
        assertTrue(outcome.recommendation().headline().startsWith("View on NVDA (4 of 4 participants had evidence"),
                outcome.recommendation().headline());
    }
}
