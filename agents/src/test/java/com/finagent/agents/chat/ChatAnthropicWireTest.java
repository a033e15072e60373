package com.finagent.agents.chat;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.provider.ModelCatalog;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.langchain4j.exception.LangChain4jException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static com.finagent.agents.chat.WireServer.event;
import static com.finagent.agents.chat.WireServer.events;
import static com.finagent.agents.chat.WireServer.held;
import static com.finagent.agents.chat.WireServer.json;
import static com.finagent.agents.chat.WireServer.words;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
    /** Words of the answer the server streams before an error. */
    private static final int WORDS_BEFORE_PAUSE = 4;

    private static final String STREAMED = "$[?(@.stream == true)]";
    private static final String TOOLS_DECLARED = "$.tools[0]";

    /**
     * A tool use first; the answer once its result is sent back, when the tools may not be used or none are
     * declared; each as JSON or, asked for, as a stream.
     */
    @BeforeEach
    void stubTheModel() {
        server.stub(post("/v1/messages").atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[*].content[?(@.type == 'tool_use' "
                        + "|| @.type == 'tool_result')]"))
                .withRequestBody(not(matchingJsonPath(TOOLS_DECLARED)))
                .willReturn(json(400, Map.of("type", "error", "error", Map.of("type", "invalid_request_error",
                        "message", "Requests which include `tool_use` or `tool_result` blocks must define tools.")))));
        stubToolUse(false);
        stubAnswer(false);
    }

    /** A model that wants a second tool use once the first one's result is in (when its tools are usable). */
    private void wantASecondToolUse() {
        stub(4, m -> m.withRequestBody(matchingJsonPath("$.messages[*].content[?(@.type == 'tool_result')]")),
                toolUse(2, false));
    }

    private void stubToolUse(boolean textBeforeToolUse) {
        stub(8, m -> m, toolUse(1, textBeforeToolUse));
    }

    private ResponseDefinitionBuilder[] toolUse(int number, boolean textBeforeToolUse) {
        String toolUseId = "toolu_" + number;
        StringBuilder events = new StringBuilder(messageStart(380));
        int index = 0;
        if (textBeforeToolUse) {
            events.append(event("content_block_start", block(index, Map.of("type", "text", "text", ""))));
            for (String word : words(TEXT_BEFORE_TOOL_CALL)) {
                events.append(event("content_block_delta", delta(index, Map.of("type", "text_delta", "text", word))));
            }
            events.append(event("content_block_stop", Map.of("type", "content_block_stop", "index", index++)));
        }
        events.append(event("content_block_start", block(index, Map.of("type", "tool_use", "id", toolUseId,
                "name", "marketData", "input", Map.of()))));
        for (String fragment : List.of("", "{\"sym", "bol\": \"AA", "PL\"}")) {
            events.append(event("content_block_delta", delta(index, Map.of("type", "input_json_delta",
                    "partial_json", fragment))));
        }
        events.append(messageEnd(index, "tool_use", 12));
        return new ResponseDefinitionBuilder[] {
                json(200, message(List.of(Map.of("type", "tool_use", "id", toolUseId, "name", "marketData",
                        "input", Map.of("symbol", "AAPL"))), "tool_use", 380, 12)),
                events(events.toString())};
    }

    /** The answer, streamed a word at a time, or with Anthropic's {@code overloaded_error} event part-way. */
    private void stubAnswer(boolean overloadedMidAnswer) {
        StringBuilder before = new StringBuilder(messageStart(420));
        before.append(event("content_block_start", block(0, Map.of("type", "text", "text", ""))));
        List<String> answer = words(ANSWER);
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < answer.size(); i++) {
            (i < WORDS_BEFORE_PAUSE ? before : rest).append(event("content_block_delta",
                    delta(0, Map.of("type", "text_delta", "text", answer.get(i)))));
        }
        rest.append(messageEnd(0, "end_turn", 31));
        ResponseDefinitionBuilder streamed = overloadedMidAnswer
                ? events(before + event("error", Map.of("type", "error",
                        "error", Map.of("type", "overloaded_error", "message", "Overloaded"))))
                : held(before.toString() + rest);
        ResponseDefinitionBuilder[] responses = {
                json(200, message(List.of(Map.of("type", "text", "text", ANSWER)), "end_turn", 420, 31)), streamed};
        stub(2, m -> m.withRequestBody(matchingJsonPath("$.tool_choice[?(@.type == 'none')]")), responses);
        stub(2, m -> m.withRequestBody(not(matchingJsonPath(TOOLS_DECLARED))), responses);
        stub(4, m -> m.withRequestBody(matchingJsonPath("$.messages[*].content[?(@.type == 'tool_result')]")),
                responses);
    }

    /** Stubs the responses, blocking and streamed, to the requests {@code when} matches. */
    private void stub(int priority, UnaryOperator<MappingBuilder> when, ResponseDefinitionBuilder[] responses) {
        server.stub(when.apply(post("/v1/messages")).atPriority(priority)
                .withRequestBody(matchingJsonPath(STREAMED)).willReturn(responses[1]));
        server.stub(when.apply(post("/v1/messages")).atPriority(priority + 1).willReturn(responses[0]));
    }

    /** The headers each request carried that Anthropic reads. */
    private List<Map<String, String>> headers() {
        return server.received().stream().map(request -> Map.of(
                "x-api-key", String.valueOf(request.getHeader("x-api-key")),
                "anthropic-version", String.valueOf(request.getHeader("anthropic-version")))).toList();
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
     * A response as Anthropic streams it: {@code message_start} with the input tokens, one content block (the tool
     * use, its input split; or the answer a word at a time), a {@code ping}, {@code message_delta} with the stop
     * reason and the output tokens so far, {@code message_stop}.
     */
    private static String messageStart(int inputTokens) {
        Map<String, Object> start = message(List.of(), "none", inputTokens, 1);
        start.put("stop_reason", null);
        return event("message_start", Map.of("type", "message_start", "message", start));
    }

    private static String messageEnd(int index, String stopReason, int outputTokens) {
        return event("content_block_stop", Map.of("type", "content_block_stop", "index", index))
                + event("ping", Map.of("type", "ping"))
                + event("message_delta", Map.of("type", "message_delta", "delta", Map.of("stop_reason", stopReason),
                        "usage", Map.of("output_tokens", outputTokens)))
                + event("message_stop", Map.of("type", "message_stop"));
    }

    private static Map<String, Object> block(int index, Map<String, Object> contentBlock) {
        return Map.of("type", "content_block_start", "index", index, "content_block", contentBlock);
    }

    private static Map<String, Object> delta(int index, Map<String, Object> delta) {
        return Map.of("type", "content_block_delta", "index", index, "delta", delta);
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
        JsonObject first = server.requests().get(0);
        assertEquals(MODEL, first.getString("model"));
        assertEquals(400, first.getInt("max_tokens"));
        assertFalse(first.getBoolean("stream", false));
        assertEquals(Map.of("x-api-key", API_KEY, "anthropic-version", "2023-06-01"), headers().get(0));

        String system = systemText(first.get("system"));
        assertTrue(system.contains("- The user has a low risk tolerance."), system);
        assertTrue(system.contains("Symbols the user is looking at: AAPL"), system);
        JsonArray messages = first.getJsonArray("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.asJsonObject().getString("role")));
        assertEquals(List.of("user", "assistant", "user"), roles, "the system prompt is no message");
        assertEquals("I own 50 shares of AAPL.", text(messages.get(0)), "memory comes first");
        assertEquals("What is AAPL trading at?", text(messages.get(2)));

        List<String> toolNames = new ArrayList<>();
        first.getJsonArray("tools").forEach(t -> toolNames.add(t.asJsonObject().getString("name")));
        assertEquals(List.of("marketData", "portfolio", "search", "portfolioAnalysis"), toolNames);
        JsonObject marketData = first.getJsonArray("tools").getJsonObject(0);
        assertFalse(marketData.getString("description").isBlank());
        assertEquals("object", marketData.getJsonObject("input_schema").getString("type"));
        assertEquals("string", marketData.getJsonObject("input_schema").getJsonObject("properties")
                .getJsonObject("symbol").getString("type"), marketData.toString());

        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void aStreamedToolUseAndAStreamedAnswerReachTheConsumerAsTheyArrive() {
        ChatReply reply = assistant().chat(question(), this::show);

        headers().forEach(h -> assertEquals(API_KEY, h.get("x-api-key")));
        assertStreamedAsItArrived(reply, words(ANSWER), server.requests());
        assertToolResultSentBack();
        assertAnsweredFromTheTool(reply, MODEL_ID);
    }

    @Test
    void textWrittenBeforeAToolUseIsShownAndBelongsToTheReply() {
        stubToolUse(true);
        assertTextBeforeTheToolCallKept(assistant().chat(question(), this::show));

        JsonArray sentBack = server.requests().get(1).getJsonArray("messages");
        JsonArray toolTurnSent = sentBack.getJsonObject(sentBack.size() - 2).getJsonArray("content");
        assertEquals(TEXT_BEFORE_TOOL_CALL, toolTurnSent.getJsonObject(0).getString("text"), toolTurnSent.toString());
        assertEquals("tool_use", toolTurnSent.getJsonObject(1).getString("type"));
    }

    @Test
    void anErrorEventMidAnswerFailsTheTurnAndLeavesTheMemoryAsItWas() {
        stubAnswer(true);
        LangChain4jException error = assertThrows(LangChain4jException.class,
                () -> assistant().chat(question(), this::show));

        assertTrue(error.getMessage().contains("Overloaded"), error.toString());
        assertFailedMidAnswer(words(ANSWER).subList(0, WORDS_BEFORE_PAUSE));
    }

    @Test
    void toolsOutOfTurnsStayDeclaredButUnusableSoTheConversationRemainsValid() {
        wantASecondToolUse();
        ChatSettings oneToolTurn = new ChatSettings(ChatSettings.DEFAULT_MEMORY_TOKENS, 1,
                ChatSettings.DEFAULT_PARTICIPANT, null);
        ChatReply reply = assistant(oneToolTurn).chat(question());

        assertEquals(ANSWER, reply.text());
        assertEquals(1, reply.toolCalls().size());
        JsonObject last = server.requests().get(1);
        assertEquals(4, last.getJsonArray("tools").size(), "the tools stay declared alongside the tool use and its result");
        assertEquals("none", last.getJsonObject("tool_choice").getString("type"), String.valueOf(last.get("tool_choice")));
        assertFalse(server.requests().get(0).containsKey("tool_choice"), "usable tools keep the default");
    }

    /** The system prompt as Anthropic takes it: a string, or text blocks. */
    private static String systemText(JsonValue system) {
        if (system instanceof JsonString string) {
            return string.getString();
        }
        StringBuilder text = new StringBuilder();
        system.asJsonArray().forEach(block -> text.append(block.asJsonObject().getString("text", "")));
        return text.toString();
    }

    /** The text of a message whose content is a string or a list of blocks. */
    private static String text(JsonValue message) {
        return systemText(message.asJsonObject().get("content"));
    }

    private void assertToolResultSentBack() {
        JsonArray second = server.requests().get(1).getJsonArray("messages");
        JsonObject toolUse = second.getJsonObject(second.size() - 2);
        assertEquals("assistant", toolUse.getString("role"));
        JsonObject use = toolUse.getJsonArray("content").getJsonObject(0);
        assertEquals("tool_use", use.getString("type"));
        assertEquals("toolu_1", use.getString("id"));
        assertEquals("AAPL", use.getJsonObject("input").getString("symbol"), use.toString());

        JsonObject resultMessage = second.getJsonObject(second.size() - 1);
        assertEquals("user", resultMessage.getString("role"), "tool results travel in a user message");
        JsonObject result = resultMessage.getJsonArray("content").getJsonObject(0);
        assertEquals("tool_result", result.getString("type"));
        assertEquals("toolu_1", result.getString("tool_use_id"));
        JsonObject content = CanonicalJson.parseObject(systemText(result.get("content"))).orElseThrow();
        assertEquals(227.52, content.getJsonObject("metrics").getJsonNumber("price").doubleValue());
        assertEquals("marketData:AAPL", content.getString("id"));
    }
}
