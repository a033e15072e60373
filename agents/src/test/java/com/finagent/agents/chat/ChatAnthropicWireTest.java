package com.finagent.agents.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelCatalog;
import com.finagent.agents.model.ModelSettings;
import com.sun.net.httpserver.HttpExchange;
import dev.langchain4j.exception.LangChain4jException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.finagent.agents.chat.WireServer.event;
import static com.finagent.agents.chat.WireServer.send;
import static com.finagent.agents.chat.WireServer.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat through the real {@link dev.langchain4j.model.anthropic.AnthropicChatModel} and
 * {@link dev.langchain4j.model.anthropic.AnthropicStreamingChatModel}, configured as the server configures them,
 * against a local server speaking Anthropic's Messages API: a {@code tool_use} response, then the final answer; with
 * {@code "stream": true} both as typed server-sent events (the tool's input in {@code input_json_delta} fragments,
 * the answer word by word in {@code text_delta}s), and with an {@code error} event part-way. Like Anthropic, the
 * server rejects a conversation holding tool uses or results whose request declares no tools.
 */
class ChatAnthropicWireTest extends ChatWireTestBase {

    private static final String MODEL = "claude-sonnet-4-5";
    private static final String MODEL_ID = "anthropic:" + MODEL;
    private static final String API_KEY = "test-key";
    /** Words of the answer the server streams before an error, and before waiting for the client to show one. */
    private static final int WORDS_BEFORE_PAUSE = 4;

    private WireServer server;
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private volatile boolean overloadedMidAnswer;
    private volatile boolean textBeforeToolUse;
    /** Tool uses the model asks for before answering, when its tools are declared and it may use them. */
    private volatile int toolUsesWanted = 1;

    @BeforeEach
    void start() throws IOException {
        server = WireServer.start("/messages", (exchange, body) -> {
            headers.add(Map.of("x-api-key", String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")),
                    "anthropic-version", String.valueOf(exchange.getRequestHeaders().getFirst("anthropic-version"))));
            int toolResults = 0;
            boolean toolUseSent = false;
            for (JsonNode message : body.path("messages")) {
                for (JsonNode content : message.path("content")) {
                    toolResults += content.path("type").asText().equals("tool_result") ? 1 : 0;
                    toolUseSent |= content.path("type").asText().equals("tool_use");
                }
            }
            boolean toolsDeclared = !body.path("tools").isEmpty();
            if ((toolUseSent || toolResults > 0) && !toolsDeclared) {
                send(exchange, 400, "application/json", Json.write(Map.of("type", "error", "error", Map.of(
                        "type", "invalid_request_error",
                        "message", "Requests which include `tool_use` or `tool_result` blocks must define tools."))));
                return;
            }
            boolean answering = toolResults >= toolUsesWanted || !toolsDeclared
                    || body.path("tool_choice").path("type").asText().equals("none");
            String toolUseId = "toolu_" + (toolResults + 1);
            if (body.path("stream").asBoolean()) {
                stream(exchange, answering, toolUseId);
            } else {
                send(exchange, 200, "application/json", Json.write(answering
                        ? message(List.of(Map.of("type", "text", "text", ANSWER)), "end_turn", 420, 31)
                        : message(List.of(Map.of("type", "tool_use", "id", toolUseId, "name", "marketData",
                        "input", Map.of("symbol", "AAPL"))), "tool_use", 380, 12)));
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, Object> message(List<Map<String, Object>> content, String stopReason, int input,
                                               int output) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of("id", "msg_" + stopReason, "type", "message",
                "role", "assistant", "model", MODEL, "content", content));
        message.put("stop_reason", stopReason);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", input, "output_tokens", output));
        return message;
    }

    /**
     * The same two responses as Anthropic streams them: {@code message_start} with the input tokens, one content
     * block (the tool use, its input split; or the answer a word at a time), a {@code ping}, {@code message_delta}
     * with the stop reason and the output tokens so far, {@code message_stop}.
     */
    private void stream(HttpExchange exchange, boolean answering, String toolUseId) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            Map<String, Object> start = message(List.of(), "none", answering ? 420 : 380, 1);
            start.put("stop_reason", null);
            event(out, "message_start", Map.of("type", "message_start", "message", start));
            int index = 0;
            if (answering) {
                event(out, "content_block_start", block(index, Map.of("type", "text", "text", "")));
                List<String> answer = words(ANSWER);
                for (int i = 0; i < answer.size(); i++) {
                    if (i == WORDS_BEFORE_PAUSE && !pause(out)) {
                        return;
                    }
                    event(out, "content_block_delta", delta(index, Map.of("type", "text_delta",
                            "text", answer.get(i))));
                }
            } else {
                if (textBeforeToolUse) {
                    event(out, "content_block_start", block(index, Map.of("type", "text", "text", "")));
                    for (String word : words(TEXT_BEFORE_TOOL_CALL)) {
                        event(out, "content_block_delta", delta(index, Map.of("type", "text_delta", "text", word)));
                    }
                    event(out, "content_block_stop", Map.of("type", "content_block_stop", "index", index++));
                }
                event(out, "content_block_start", block(index, Map.of("type", "tool_use", "id", toolUseId,
                        "name", "marketData", "input", Map.of())));
                for (String fragment : List.of("", "{\"sym", "bol\": \"AA", "PL\"}")) {
                    event(out, "content_block_delta", delta(index, Map.of("type", "input_json_delta",
                            "partial_json", fragment)));
                }
            }
            event(out, "content_block_stop", Map.of("type", "content_block_stop", "index", index));
            event(out, "ping", Map.of("type", "ping"));
            event(out, "message_delta", Map.of("type", "message_delta",
                    "delta", Map.of("stop_reason", answering ? "end_turn" : "tool_use"),
                    "usage", Map.of("output_tokens", answering ? 31 : 12)));
            event(out, "message_stop", Map.of("type", "message_stop"));
        }
    }

    private static Map<String, Object> block(int index, Map<String, Object> contentBlock) {
        return Map.of("type", "content_block_start", "index", index, "content_block", contentBlock);
    }

    private static Map<String, Object> delta(int index, Map<String, Object> delta) {
        return Map.of("type", "content_block_delta", "index", index, "delta", delta);
    }

    /**
     * Mid-answer: waits until the client has shown a partial, or sends Anthropic's {@code overloaded_error} event
     * and ends the stream. Returns whether the answer goes on.
     */
    private boolean pause(OutputStream out) throws IOException {
        if (overloadedMidAnswer) {
            event(out, "error", Map.of("type", "error",
                    "error", Map.of("type", "overloaded_error", "message", "Overloaded")));
            return false;
        }
        awaitFirstPartialShown();
        return true;
    }

    /** The assistant over the project's own settings path: provider, model, key and base URL as properties. */
    private ChatAssistant assistant() {
        return assistant(ChatSettings.defaults());
    }

    private ChatAssistant assistant(ChatSettings settings) {
        ModelCatalog models = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "anthropic", "finagent.llm.model", MODEL,
                "finagent.llm.api-key", API_KEY, "finagent.llm.base-url", server.baseUrl(),
                "finagent.llm.max-tokens", "400")));
        return new ChatAssistant(models, store, settings);
    }

    @Test
    void theBlockingModelSendsTheSystemPromptApartAndTheToolsAsInputSchemas() {
        ChatReply reply = assistant().chat(question());

        assertEquals(2, server.requests().size());
        JsonNode first = server.requests().get(0);
        assertEquals(MODEL, first.path("model").asText());
        assertEquals(400, first.path("max_tokens").asInt());
        assertFalse(first.path("stream").asBoolean());
        assertEquals(Map.of("x-api-key", API_KEY, "anthropic-version", "2023-06-01"), headers.get(0));

        String system = systemText(first.path("system"));
        assertTrue(system.contains("- The user has a low risk tolerance."), system);
        assertTrue(system.contains("Symbols the user is looking at: AAPL"), system);
        JsonNode messages = first.path("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.path("role").asText()));
        assertEquals(List.of("user", "assistant", "user"), roles, "the system prompt is no message");
        assertEquals("I own 50 shares of AAPL.", text(messages.get(0)), "memory comes first");
        assertEquals("What is AAPL trading at?", text(messages.get(2)));

        List<String> toolNames = new ArrayList<>();
        first.path("tools").forEach(t -> toolNames.add(t.path("name").asText()));
        assertEquals(List.of("marketData", "portfolio", "search", "portfolioAnalysis"), toolNames);
        JsonNode marketData = first.path("tools").get(0);
        assertFalse(marketData.path("description").asText().isBlank());
        assertEquals("object", marketData.path("input_schema").path("type").asText());
        assertEquals("string", marketData.path("input_schema").path("properties").path("symbol").path("type")
                .asText(), marketData.toString());

        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void aStreamedToolUseAndAStreamedAnswerReachTheConsumerAsTheyArrive() {
        ChatReply reply = assistant().chat(question(), this::show);

        headers.forEach(h -> assertEquals(API_KEY, h.get("x-api-key")));
        assertStreamedAsItArrived(reply, words(ANSWER), server.requests());
        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void textWrittenBeforeAToolUseIsShownAndBelongsToTheReply() {
        textBeforeToolUse = true;
        assertTextBeforeTheToolCallKept(assistant().chat(question(), this::show));

        JsonNode sentBack = server.requests().get(1).path("messages");
        JsonNode toolTurnSent = sentBack.get(sentBack.size() - 2).path("content");
        assertEquals(TEXT_BEFORE_TOOL_CALL, toolTurnSent.get(0).path("text").asText(), toolTurnSent.toString());
        assertEquals("tool_use", toolTurnSent.get(1).path("type").asText());
    }

    @Test
    void anErrorEventMidAnswerFailsTheTurnAndLeavesTheMemoryAsItWas() {
        overloadedMidAnswer = true;
        LangChain4jException error = assertThrows(LangChain4jException.class,
                () -> assistant().chat(question(), this::show));

        assertTrue(error.getMessage().contains("Overloaded"), error.toString());
        assertFailedMidAnswer(words(ANSWER).subList(0, WORDS_BEFORE_PAUSE));
    }

    @Test
    void toolsOutOfTurnsStayDeclaredButUnusableSoTheConversationRemainsValid() {
        toolUsesWanted = 2;
        ChatSettings oneToolTurn = new ChatSettings(ChatSettings.DEFAULT_MEMORY_TOKENS, 1,
                ChatSettings.DEFAULT_PARTICIPANT, null);
        ChatReply reply = assistant(oneToolTurn).chat(question());

        assertEquals(ANSWER, reply.text());
        assertEquals(1, reply.toolCalls().size());
        JsonNode last = server.requests().get(1);
        assertEquals(4, last.path("tools").size(), "the tools stay declared alongside the tool use and its result");
        assertEquals("none", last.path("tool_choice").path("type").asText(), last.path("tool_choice").toString());
        assertTrue(server.requests().get(0).path("tool_choice").isMissingNode(), "usable tools keep the default");
    }

    /** The system prompt as Anthropic takes it: a string, or text blocks. */
    private static String systemText(JsonNode system) {
        if (system.isTextual()) {
            return system.asText();
        }
        StringBuilder text = new StringBuilder();
        system.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    /** The text of a message whose content is a string or a list of blocks. */
    private static String text(JsonNode message) {
        return systemText(message.path("content"));
    }

    private void assertToolResultSentBack() {
        JsonNode second = server.requests().get(1).path("messages");
        JsonNode toolUse = second.get(second.size() - 2);
        assertEquals("assistant", toolUse.path("role").asText());
        JsonNode use = toolUse.path("content").get(0);
        assertEquals("tool_use", use.path("type").asText());
        assertEquals("toolu_1", use.path("id").asText());
        assertEquals("AAPL", use.path("input").path("symbol").asText(), use.toString());

        JsonNode resultMessage = second.get(second.size() - 1);
        assertEquals("user", resultMessage.path("role").asText(), "tool results travel in a user message");
        JsonNode result = resultMessage.path("content").get(0);
        assertEquals("tool_result", result.path("type").asText());
        assertEquals("toolu_1", result.path("tool_use_id").asText());
        JsonNode content = Json.parse(systemText(result.path("content"))).orElseThrow();
        assertEquals(227.52, content.path("metrics").path("price").asDouble());
        assertEquals("marketData:AAPL", content.path("id").asText());
    }
}
