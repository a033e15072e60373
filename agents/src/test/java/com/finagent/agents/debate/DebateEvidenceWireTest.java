package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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

    private static final JsonProvider JSON = CanonicalJson.provider();
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static DebateOutcome run(DebateRequest request, Function<JsonObject, String> script) {
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
    private static JsonObject context(JsonObject body) {
        JsonValue last = null;
        for (JsonValue message : JsonFields.array(body, "messages")) {
            if (JsonFields.text(message, "role", "").equals("user")) {
                last = message;
            }
        }
        return last == null ? JsonValue.EMPTY_JSON_OBJECT
                : AgentProtocol.context(JsonFields.text(last, "content", "")).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void aStanceChangeWithoutNewEvidenceIsRevertedAndRecorded() {
        DebateRequest fixture = DebateFixtures.request("nvda-analyst.json");
        DebateRequest request = fixture.withSettings(fixture.settings().withMaxRounds(1));
        // the sentiment analyst jumps to STRONG_BUY in round 1 on exactly what it cited before
        DebateOutcome outcome = run(request, body -> {
            JsonObject context = context(body);
            JsonObject you = JsonFields.object(context, "you");
            if (!JsonFields.text(context, "task", "").equals(AgentProtocol.TASK_ROUND)
                    || !JsonFields.text(you, "participant", "").equals("sentiment")) {
                return null;
            }
            return CanonicalJson.write(JSON.createObjectBuilder()
                    .add("stance", "STRONG_BUY")
                    .add("confidence", 0.95)
                    .add("summary", "The others are confident, so I am too.")
                    .add("arguments", JsonFields.array(you, "arguments"))
                    .add("revisedFrom", JsonFields.text(you, "stance", ""))
                    .build());
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
            String task = JsonFields.text(context(body), "task", "");
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
            JsonObject context = context(body);
            if (!JsonFields.text(context, "task", "").equals(AgentProtocol.TASK_RECOMMENDATION)) {
                return null;
            }
            for (JsonValue position : JsonFields.array(context, "positions")) {
                for (JsonValue argument : JsonFields.array(position, "arguments")) {
                    if (bullish[0] == null && JsonFields.text(argument, "direction", "").equals("bullish")) {
                        bullish[0] = JsonFields.text(argument, "claim", "");
                    }
                }
            }
            JsonArrayBuilder risks = JSON.createArrayBuilder();
            for (int i = 0; i < 2; i++) {
                risks.add(JSON.createObjectBuilder().add("text", "1-day 95% VaR of 4.1% of the position's value")
                        .add("raisedBy", "risk").add("evidence", JSON.createArrayBuilder().add("q-NVDA-risk#var95")));
            }
            risks.add(JSON.createObjectBuilder().add("text", bullish[0]).add("evidence", JSON.createArrayBuilder()));
            return CanonicalJson.write(JSON.createObjectBuilder()
                    .add("rating", JsonFields.text(JsonFields.object(context, "consensus"), "rating", ""))
                    .add("headline", "View on NVDA")
                    .add("rationale", "From the consensus.")
                    .add("evidence", JSON.createArrayBuilder().add("q-NVDA-risk#var95"))
                    .add("risks", risks)
                    .build());
        });

        List<String> risks = outcome.recommendation().risks().stream().map(Note::text).toList();
        assertNotNull(bullish[0]);
        assertEquals(List.of("1-day 95% VaR of 4.1% of the position's value"), risks,
                "the repeated VaR once, the bullish point (" + bullish[0] + ") not at all");
        assertTrue(outcome.recommendation().headline().startsWith("View on NVDA (4 of 4 participants had evidence"),
                outcome.recommendation().headline());
    }
}
