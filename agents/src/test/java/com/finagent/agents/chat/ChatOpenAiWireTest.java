package com.finagent.agents.chat;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.finagent.agents.chat.WireServer.cutShort;
import static com.finagent.agents.chat.WireServer.event;
import static com.finagent.agents.chat.WireServer.events;
import static com.finagent.agents.chat.WireServer.held;
import static com.finagent.agents.chat.WireServer.json;
import static com.finagent.agents.chat.WireServer.stalled;
import static com.finagent.agents.chat.WireServer.words;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat through the real {@link dev.langchain4j.model.openai.OpenAiChatModel} and
 * {@link dev.langchain4j.model.openai.OpenAiStreamingChatModel} against a local server speaking OpenAI's Chat
 * Completions wire format: a {@code tool_calls} response, then the final answer; with {@code "stream": true} both
 * as server-sent chunks (the tool call's arguments in fragments, the answer word by word), and with faults part-way.
 */
class ChatOpenAiWireTest extends ChatWireTestBase {

    private static final String MODEL_ID = "openai-compatible:gpt-4o-mini";

    /**
     * Answer chunks the server sends (the first carries only the role) before a fault.
     */
    private static final int CHUNKS_BEFORE_PAUSE = 5;

    /**
     * What the answer runs into: an HTTP 500 instead of it, or, streamed, a fault after {@link #CHUNKS_BEFORE_PAUSE}
     * chunks.
     */
    private enum Fault { NONE, SERVER_ERROR, DROPPED_CONNECTION, ERROR_EVENT, STALL }

    /** How long a stream may stay silent in the stall test before the turn fails. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(300);

    private static final String TOOL_RESULT_SENT = "$.messages[?(@.role == 'tool')]";
    private static final String STREAMED = "$[?(@.stream == true)]";

    /** A tool call first; once its result is sent back, the answer, and either can be asked for as a stream. */
    @BeforeEach
    void stubTheModel() {
        server.stub(post("/v1/chat/completions").atPriority(4).willReturn(json(200,
                completion(Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", "call_1",
                        "type", "function", "function", Map.of("name", "marketData",
                                "arguments", "{\"symbol\":\"AAPL\"}")))), "tool_calls", 380, 12))));
        stubToolCall(false);
        stubAnswer(Fault.NONE);
    }

    private void stubToolCall(boolean textBeforeToolCall) {
        List<Map<String, Object>> deltas = new ArrayList<>();
        deltas.add(Map.of("role", "assistant", "content", ""));
        if (textBeforeToolCall) {
            words(TEXT_BEFORE_TOOL_CALL).forEach(word -> deltas.add(Map.of("content", word)));
        }
        deltas.add(Map.of("tool_calls", List.of(Map.of("index", 0, "id", "call_1", "type", "function",
                "function", Map.of("name", "marketData", "arguments", "")))));
        for (String fragment : List.of("{\"sym", "bol\":\"AA", "PL\"}")) {
            deltas.add(Map.of("tool_calls", List.of(Map.of("index", 0, "function", Map.of("arguments", fragment)))));
        }
        server.stub(post("/v1/chat/completions").atPriority(3).withRequestBody(matchingJsonPath(STREAMED))
                .willReturn(events(chunks(deltas) + end("tool_calls", 380, 12))));
    }

    private void stubAnswer(Fault fault) {
        if (fault == Fault.SERVER_ERROR) {
            server.stub(post("/v1/chat/completions").atPriority(1).withRequestBody(matchingJsonPath(TOOL_RESULT_SENT))
                    .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"The server had an error\","
                                    + "\"type\":\"server_error\"}}")));
            return;
        }
        server.stub(post("/v1/chat/completions").atPriority(2).withRequestBody(matchingJsonPath(TOOL_RESULT_SENT))
                .willReturn(json(200, completion(Map.of("role", "assistant", "content", ANSWER), "stop", 420, 31))));
        List<Map<String, Object>> deltas = new ArrayList<>();
        deltas.add(Map.of("role", "assistant", "content", ""));
        words(ANSWER).forEach(word -> deltas.add(Map.of("content", word)));
        String before = chunks(deltas.subList(0, CHUNKS_BEFORE_PAUSE));
        String rest = chunks(deltas.subList(CHUNKS_BEFORE_PAUSE, deltas.size())) + end("stop", 420, 31);
        ResponseDefinitionBuilder answer = switch (fault) {
            case NONE -> held(before + rest);
            case DROPPED_CONNECTION -> cutShort(before);
            case ERROR_EVENT -> events(before + event("error", Map.of("error", Map.of("message",
                    "The server had an error while processing your request.", "type", "server_error"))));
            case STALL -> stalled(before, IDLE_TIMEOUT.multipliedBy(3));
            case SERVER_ERROR -> throw new IllegalArgumentException(fault.name());
        };
        server.stub(post("/v1/chat/completions").atPriority(1).withRequestBody(matchingJsonPath(TOOL_RESULT_SENT))
                .withRequestBody(matchingJsonPath(STREAMED)).willReturn(answer));
    }

    private static Map<String, Object> completion(Map<String, Object> message, String finishReason, int prompt,
                                                  int completion) {
        return Map.of("id", "chatcmpl-" + finishReason, "object", "chat.completion", "created", 1_757_000_000,
                "model", "gpt-4o-mini",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                "usage", usage(prompt, completion));
    }

    private static String chunks(List<Map<String, Object>> deltas) {
        StringBuilder events = new StringBuilder();
        deltas.forEach(delta -> events.append(event(null, chunk(delta, null))));
        return events.toString();
    }

    /** The end of a stream: the finish reason, the usage and {@code [DONE]}. */
    private static String end(String finishReason, int prompt, int completion) {
        Map<String, Object> usage = new LinkedHashMap<>(chunk(Map.of(), null));
        usage.put("choices", List.of());
        usage.put("usage", usage(prompt, completion));
        return event(null, chunk(Map.of(), finishReason)) + event(null, usage) + "data: [DONE]\n\n";
    }

    private static Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>(Map.of("index", 0, "delta", delta));
        if (finishReason != null) {
            choice.put("finish_reason", finishReason);
        }
        return Map.of("id", "chatcmpl-stream", "object", "chat.completion.chunk", "created", 1_757_000_000,
                "model", "gpt-4o-mini", "choices", List.of(choice));
    }

    private static Map<String, Object> usage(int prompt, int completion) {
        return Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
    }

    private ChatAssistant assistant(ChatSettings settings) {
        ModelCatalog models = new ModelCatalog(ModelSettings.fromProperties(Map.of(
                "finagent.llm.provider", "openai-compatible", "finagent.llm.model", "gpt-4o-mini",
                "finagent.llm.api-key", "test-key", "finagent.llm.base-url", server.baseUrl(),
                "finagent.llm.max-tokens", "400")));
        return new ChatAssistant(models, store, settings);
    }

    @Test
    void toolCallResultAndMemoryTravelOverTheWire() {
        ChatReply reply = assistant(ChatSettings.defaults()).chat(question());

        assertEquals(2, server.requests().size());
        JsonObject first = server.requests().get(0);
        assertEquals("gpt-4o-mini", first.getString("model"));
        assertFalse(first.getBoolean("stream", false));
        List<String> toolNames = new ArrayList<>();
        first.getJsonArray("tools").forEach(t -> toolNames.add(t.asJsonObject().getJsonObject("function").getString("name")));
        assertEquals(List.of("marketData", "portfolio", "search", "portfolioAnalysis"), toolNames);
        JsonArray messages = first.getJsonArray("messages");
        assertEquals("system", messages.getJsonObject(0).getString("role"));
        assertTrue(messages.getJsonObject(0).getString("content").contains("- The user has a low risk tolerance."));
        assertTrue(messages.getJsonObject(0).getString("content").contains("Symbols the user is looking at: AAPL"));
        assertEquals("I own 50 shares of AAPL.", messages.getJsonObject(1).getString("content"), "memory comes first");
        assertEquals("Noted: you own 50 shares of AAPL.", messages.getJsonObject(2).getString("content"));
        assertEquals("What is AAPL trading at?", messages.getJsonObject(3).getString("content"));

        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void aStreamedToolCallAndAStreamedAnswerReachTheConsumerAsTheyArrive() {
        ChatReply reply = assistant(ChatSettings.defaults()).chat(question(), this::show);

        assertStreamedAsItArrived(reply, words(ANSWER), server.requests());
        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void textWrittenBeforeAToolCallIsShownAndBelongsToTheReply() {
        stubToolCall(true);
        assertTextBeforeTheToolCallKept(assistant(ChatSettings.defaults()).chat(question(), this::show));
    }

    @Test
    void aConnectionDroppedMidAnswerFailsTheTurnAndLeavesTheMemoryAsItWas() {
        stubAnswer(Fault.DROPPED_CONNECTION);
        LangChain4jException error = assertFailsAfterSomeWordsWithoutTouchingTheMemory(ChatSettings.defaults(),
                LangChain4jException.class);
        assertTrue(error.getCause() instanceof IOException, String.valueOf(error.getCause()));
    }

    @Test
    void anHttpErrorIsTheSameFailureStreamedOrNot() {
        stubAnswer(Fault.SERVER_ERROR);
        ChatAssistant assistant = assistant(ChatSettings.defaults());
        InternalServerException blocking = assertThrows(InternalServerException.class,
                () -> assistant.chat(question()));
        InternalServerException streamed = assertThrows(InternalServerException.class,
                () -> assistant.chat(question(), this::show));
        assertEquals(blocking.getMessage(), streamed.getMessage());
        assertTrue(shown.isEmpty());
        assertEquals(EARLIER, store.getMessages(MEMORY_ID), "a failed turn stores nothing");
    }

    @Test
    void anErrorEventMidAnswerFailsTheTurnAndLeavesTheMemoryAsItWas() {
        stubAnswer(Fault.ERROR_EVENT);
        RuntimeException error = assertFailsAfterSomeWordsWithoutTouchingTheMemory(ChatSettings.defaults(),
                RuntimeException.class);
        assertTrue(error.getMessage().contains("server_error"), error.getMessage());
    }

    @Test
    void aStalledStreamTimesOutAndLeavesTheMemoryAsItWas() {
        stubAnswer(Fault.STALL);
        assertFailsAfterSomeWordsWithoutTouchingTheMemory(
                ChatSettings.defaults().withStreamIdleTimeout(IDLE_TIMEOUT), TimeoutException.class);
    }

    private <T extends RuntimeException> T assertFailsAfterSomeWordsWithoutTouchingTheMemory(ChatSettings settings,
                                                                                             Class<T> expected) {
        T error = assertThrows(expected, () -> assistant(settings).chat(question(), this::show));
        assertFailedMidAnswer(words(ANSWER).subList(0, CHUNKS_BEFORE_PAUSE - 1));
        return error;
    }

    private void assertToolResultSentBack() {
        JsonArray second = server.requests().get(1).getJsonArray("messages");
        JsonObject toolMessage = second.getJsonObject(second.size() - 1);
        assertEquals("tool", toolMessage.getString("role"));
        assertEquals("call_1", toolMessage.getString("tool_call_id"));
        JsonObject result = CanonicalJson.parseObject(toolMessage.getString("content")).orElseThrow();
        assertEquals(227.52, result.getJsonObject("metrics").getJsonNumber("price").doubleValue());
        assertEquals("marketData:AAPL", result.getString("id"));
        JsonObject call = second.getJsonObject(second.size() - 2).getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("call_1", call.getString("id"));
        assertEquals("{\"symbol\":\"AAPL\"}", call.getJsonObject("function").getString("arguments"));
    }
}
