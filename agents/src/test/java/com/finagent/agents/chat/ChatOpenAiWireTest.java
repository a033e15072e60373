package com.finagent.agents.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelCatalog;
import com.finagent.agents.model.ModelSettings;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat through the real {@link dev.langchain4j.model.openai.OpenAiChatModel} against a local server speaking
 * OpenAI's Chat Completions wire format: a {@code tool_calls} response, then the final answer.
 */
class ChatOpenAiWireTest {

    private static final String ANSWER = "AAPL last traded at 227.52 (Polygon, 2025-09-05), up 1.23% on the day. "
            + "Given your low risk tolerance, keep it a modest position.";

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow();
            requests.add(body);
            boolean toolResultSent = false;
            for (JsonNode message : body.path("messages")) {
                toolResultSent |= message.path("role").asText().equals("tool");
            }
            byte[] response = Json.write(toolResultSent ? completion(Map.of("role", "assistant", "content", ANSWER),
                    "stop", 420, 31) : completion(Map.of("role", "assistant", "tool_calls", List.of(Map.of(
                    "id", "call_1", "type", "function", "function", Map.of("name", "marketData",
                            "arguments", "{\"symbol\":\"AAPL\"}")))), "tool_calls", 380, 12))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Map<String, Object> completion(Map<String, Object> message, String finishReason, int prompt,
                                                  int completion) {
        return Map.of("id", "chatcmpl-" + finishReason, "object", "chat.completion", "created", 1_757_000_000,
                "model", "gpt-4o-mini",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                        "total_tokens", prompt + completion));
    }

    @Test
    void toolCallResultAndMemoryTravelOverTheWire() {
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        ModelCatalog models = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai-compatible", "finagent.llm.model", "gpt-4o-mini",
                "finagent.llm.api-key", "test-key", "finagent.llm.base-url", baseUrl, "finagent.llm.max-tokens", "400")));
        JsonMemoryStore store = new JsonMemoryStore();
        store.updateMessages("u1:general", List.<ChatMessage>of(UserMessage.from("I own 50 shares of AAPL."),
                AiMessage.from("Noted: you own 50 shares of AAPL.")));
        StubTools tools = new StubTools();
        ChatAssistant assistant = new ChatAssistant(models, store);

        ChatReply reply = assistant.chat(new ChatTurn("u1:general", "general", "What is AAPL trading at?",
                List.of("AAPL"), tools, List.of("The user has a low risk tolerance.")));

        assertEquals(2, requests.size());
        JsonNode first = requests.get(0);
        assertEquals("gpt-4o-mini", first.path("model").asText());
        List<String> toolNames = new ArrayList<>();
        first.path("tools").forEach(t -> toolNames.add(t.path("function").path("name").asText()));
        assertEquals(List.of("marketData", "portfolio", "search", "portfolioAnalysis"), toolNames);
        JsonNode messages = first.path("messages");
        assertEquals("system", messages.get(0).path("role").asText());
        assertTrue(messages.get(0).path("content").asText().contains("- The user has a low risk tolerance."));
        assertTrue(messages.get(0).path("content").asText().contains("Symbols the user is looking at: AAPL"));
        assertEquals("I own 50 shares of AAPL.", messages.get(1).path("content").asText(), "memory comes first");
        assertEquals("Noted: you own 50 shares of AAPL.", messages.get(2).path("content").asText());
        assertEquals("What is AAPL trading at?", messages.get(3).path("content").asText());

        JsonNode second = requests.get(1).path("messages");
        JsonNode toolMessage = second.get(second.size() - 1);
        assertEquals("tool", toolMessage.path("role").asText());
        assertEquals("call_1", toolMessage.path("tool_call_id").asText());
        JsonNode result = Json.parse(toolMessage.path("content").asText()).orElseThrow();
        assertEquals(227.52, result.path("metrics").path("price").asDouble());
        assertEquals("marketData:AAPL", result.path("id").asText());
        assertEquals("call_1", second.get(second.size() - 2).path("tool_calls").get(0).path("id").asText());
        assertEquals(List.of("quote AAPL", "priceHistory AAPL"), tools.calls());

        assertEquals(ANSWER, reply.text());
        assertEquals("openai-compatible:gpt-4o-mini", reply.model());
        assertEquals(800, reply.tokens().input());
        assertEquals(43, reply.tokens().output());
        assertEquals(1, reply.toolCalls().size());
        assertEquals("marketData:AAPL", reply.toolCalls().get(0).resultId());
        assertEquals("Polygon; Polygon daily bars", reply.toolCalls().get(0).source());
        assertEquals(List.of("marketData:AAPL#dayChange", "marketData:AAPL#price"),
                reply.evidence().stream().map(ChatEvidence::id).sorted().toList());

        List<ChatMessage> history = assistant.history("u1:general");
        assertEquals(6, history.size(), history.toString());
        assertTrue(history.get(3) instanceof AiMessage ai && ai.hasToolExecutionRequests());
        assertTrue(history.get(4) instanceof ToolExecutionResultMessage);
        assertEquals(ANSWER, ((AiMessage) history.get(5)).text());
    }
}
