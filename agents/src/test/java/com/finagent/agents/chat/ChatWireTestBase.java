package com.finagent.agents.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversation every provider's wire test holds: an earlier exchange in the memory, a question about AAPL that
 * the model answers after one {@code marketData} call (380 + 420 input and 12 + 31 output tokens by the server's
 * count), the provider's server on a loopback port, and a consumer recording the partials shown.
 */
abstract class ChatWireTestBase {

    static final String ANSWER = "AAPL last traded at 227.52 (Polygon, 2025-09-05), up 1.23% on the day. "
            + "Given your low risk tolerance, keep it a modest position.";
    static final String TEXT_BEFORE_TOOL_CALL = "Let me look up AAPL.";
    static final String MEMORY_ID = "u1:general";
    static final List<ChatMessage> EARLIER = List.of(UserMessage.from("I own 50 shares of AAPL."),
            AiMessage.from("Noted: you own 50 shares of AAPL."));

    final JsonMemoryStore store = new JsonMemoryStore();
    final StubTools tools = new StubTools();
    final List<String> shown = new CopyOnWriteArrayList<>();
    final WireServer server = new WireServer();
    /** Whether the server was still writing a response when the first partial was shown. */
    private final AtomicBoolean shownWhileStreaming = new AtomicBoolean();

    @BeforeEach
    void storeTheEarlierExchange() {
        store.updateMessages(MEMORY_ID, EARLIER);
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    /** The consumer of a streaming turn. */
    void show(String partial) {
        if (shown.isEmpty()) {
            shownWhileStreaming.set(server.sending());
        }
        shown.add(partial);
    }

    ChatTurn question() {
        return new ChatTurn(MEMORY_ID, "general", "What is AAPL trading at?", List.of("AAPL"), tools,
                List.of("The user has a low risk tolerance."));
    }

    /**
     * Both model calls asked for a stream, and the answer was shown as it streamed: every chunk in order, the first
     * while the server still held the rest.
     */
    void assertStreamedAsItArrived(ChatReply reply, List<String> chunks, List<JsonObject> requests) {
        assertEquals(2, requests.size());
        requests.forEach(request -> assertTrue(request.getBoolean("stream", false), request.toString()));
        assertTrue(shownWhileStreaming.get(), "the first words were shown while the server still held the rest");
        assertEquals(chunks, shown, "every chunk, in order");
        assertEquals(reply.text(), String.join("", shown));
    }

    /**
     * The answer, usage as the server reported it, the tool call with its source, the cited figures, the stored
     * turn.
     */
    void assertAnsweredFromTheTool(ChatReply reply, String model) {
        assertEquals(List.of("quote AAPL", "priceHistory AAPL"), tools.calls());
        assertEquals(ANSWER, reply.text());
        assertEquals(model, reply.model());
        assertEquals(800, reply.tokens().input());
        assertEquals(43, reply.tokens().output());
        assertEquals(2, reply.modelCalls());
        assertEquals(1, reply.toolCalls().size());
        assertEquals("marketData:AAPL", reply.toolCalls().get(0).resultId());
        assertEquals("Polygon; Polygon daily bars", reply.toolCalls().get(0).source());
        assertEquals(List.of("marketData:AAPL#dayChange", "marketData:AAPL#price"),
                reply.evidence().stream().map(ChatEvidence::id).sorted().toList());

        List<ChatMessage> history = store.getMessages(MEMORY_ID);
        assertEquals(6, history.size(), history.toString());
        assertEquals(EARLIER, history.subList(0, 2));
        assertTrue(history.get(3) instanceof AiMessage ai && ai.hasToolExecutionRequests());
        assertTrue(history.get(4) instanceof ToolExecutionResultMessage);
        assertEquals(ANSWER, ((AiMessage) history.get(5)).text());
    }

    /** Text the model wrote before its tool call: shown, part of the reply, and kept with the call in the memory. */
    void assertTextBeforeTheToolCallKept(ChatReply streamed) {
        assertEquals(TEXT_BEFORE_TOOL_CALL + ChatAssistant.TEXT_SEPARATOR + ANSWER, streamed.text());
        assertEquals(streamed.text(), String.join("", shown));
        List<ChatMessage> history = store.getMessages(MEMORY_ID);
        AiMessage toolTurn = (AiMessage) history.get(3);
        assertEquals(TEXT_BEFORE_TOOL_CALL, toolTurn.text(), "the tool turn keeps its text in the memory");
        assertTrue(toolTurn.hasToolExecutionRequests());
        assertEquals(ANSWER, ((AiMessage) history.get(5)).text());
    }

    /** A turn failed mid-answer: the words before the fault shown, the streamed tool call run, nothing stored. */
    void assertFailedMidAnswer(List<String> shownBeforeTheFault) {
        assertEquals(shownBeforeTheFault, shown, "the words before the fault were shown");
        assertEquals(List.of("quote AAPL", "priceHistory AAPL"), tools.calls(), "the streamed tool call ran");
        assertEquals(EARLIER, store.getMessages(MEMORY_ID), "a failed turn stores nothing");
    }
}
