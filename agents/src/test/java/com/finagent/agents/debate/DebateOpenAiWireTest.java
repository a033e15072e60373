package com.finagent.agents.debate;

import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same debate through LangChain4j's real {@code OpenAiChatModel} against a local OpenAI-compatible server. */
class DebateOpenAiWireTest {

    @Test
    void debateRunsOverTheChatCompletionsWireFormat() throws Exception {
        DebateRequest request = DebateFixtures.request("nvda-analyst.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (OpenAiWireServer server = new OpenAiWireServer()) {
            ModelSettings settings = ModelSettings.fromProperties(Map.of(
                    "FINAGENT_LLM_PROVIDER", "openai-compatible",
                    "FINAGENT_LLM_BASE_URL", server.baseUrl(),
                    "FINAGENT_LLM_MODEL", "wire-model",
                    "FINAGENT_LLM_API_KEY", "sk-test-123"));
            DebateEngine engine = new DebateEngine(new ModelCatalog(settings), pool);
            DebateOutcome outcome = engine.run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);

            assertEquals(DebateStatus.COMPLETED, outcome.status(), outcome.failures().toString());
            outcome.participants().forEach(p -> assertEquals("openai-compatible:wire-model", p.model()));
            assertEquals("openai-compatible:wire-model", outcome.recommendation().model());

            List<OpenAiWireServer.Received> received = server.received();
            received.forEach(r -> assertEquals("Bearer sk-test-123", r.authorization()));
            received.forEach(r -> assertEquals("wire-model", r.body().getString("model")));
            Set<String> offered = new HashSet<>();
            received.forEach(r -> JsonFields.array(r.body(), "tools").forEach(t -> offered.add(t.asJsonObject()
                    .getJsonObject("function").getString("name"))));
            assertEquals(Set.of("marketData", "quantAnalysis", "chartAnalysis", "technicalIndicators", "search"), offered,
                    "the analyst profile's tools, as function tools");

            List<String> requestedCallIds = new ArrayList<>();
            List<String> answeredCallIds = new ArrayList<>();
            for (OpenAiWireServer.Received r : received) {
                boolean holdsToolCalls = false;
                for (JsonValue entry : r.body().getJsonArray("messages")) {
                    JsonObject message = entry.asJsonObject();
                    holdsToolCalls |= message.containsKey("tool_calls");
                    JsonFields.array(message, "tool_calls").forEach(c -> requestedCallIds.add(JsonFields.text(c, "id", "")));
                    if (JsonFields.text(message, "role", "").equals("tool")) {
                        answeredCallIds.add(JsonFields.text(message, "tool_call_id", ""));
                        assertTrue(JsonFields.text(message, "content", "").contains("\"metrics\""));
                    }
                }
                assertTrue(!holdsToolCalls || !JsonFields.array(r.body(), "tools").isEmpty(),
                        "a conversation holding tool calls declares the tools, as Anthropic requires");
            }
            assertFalse(requestedCallIds.isEmpty(), "the model's tool_calls went back in the conversation");
            assertEquals(new HashSet<>(requestedCallIds), new HashSet<>(answeredCallIds),
                    "every tool call got its tool result");

            long toolTurns = outcome.transcript().stream().filter(c -> c.step().equals("initial-analysis"))
                    .filter(c -> c.messages().stream().anyMatch(m -> m.role().equals("tool"))).count();
            assertEquals(4, toolTurns);
            assertTrue(outcome.tokens().total() > 0);

            DebateOutcome direct = new DebateEngine(new ModelCatalog(ModelSettings.offline()), pool)
                    .run(request, DebateInputs.of(new FixtureTools(request)), DebateListener.NONE);
            assertEquals(DebateWorkflowTest.stances(direct.finalPositions()),
                    DebateWorkflowTest.stances(outcome.finalPositions()), "the wire changes nothing of the reasoning");
            assertEquals(direct.recommendation().rating(), outcome.recommendation().rating());
            assertEquals(direct.tokens(), outcome.tokens(), "usage reported over the wire is what the debate counts");
        } finally {
            pool.shutdownNow();
        }
    }
}
