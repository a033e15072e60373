package com.finagent.agents.chat;

import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.profile.AssistantCatalog;
import com.finagent.agents.provider.ModelCatalog;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat with the offline model: tool figures only, with sources, memory and the profile's angle. */
class ChatOfflineTest {

    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])\\d[\\d,]*\\.\\d+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T[0-9:]+Z)?");

    private final JsonMemoryStore store = new JsonMemoryStore();
    private final ChatAssistant assistant = new ChatAssistant(new ModelCatalog(ModelSettings.offline()), store);

    @Test
    void answersFromToolFiguresAndNamesTheSources() {
        StubTools tools = new StubTools();
        ChatReply reply = assistant.chat(new ChatTurn("u1:analyst", "analyst", "How is AAPL doing, and how risky is it?",
                List.of(), tools, List.of()));

        assertEquals(OfflineChatModel.MODEL_ID, reply.model());
        assertTrue(reply.text().contains(OfflineChatModel.MODEL_ID), "the answer names its model");
        assertTrue(tools.calls().containsAll(List.of("quote AAPL", "priceHistory AAPL", "riskMetrics AAPL")),
                tools.calls().toString());
        List<String> offered = AssistantCatalog.load().find("analyst").orElseThrow().tools();
        reply.toolCalls().forEach(call -> assertTrue(offered.contains(call.name()), call.name()));
        reply.toolCalls().forEach(call -> assertFalse(call.failed(), call.toString()));

        assertTrue(reply.text().contains("price 227.52"), reply.text());
        assertTrue(reply.text().contains("volatility 28.41%"), reply.text());
        assertTrue(reply.text().contains("(Polygon; Polygon daily bars, 2025-09-05)"), reply.text());
        assertTrue(reply.text().contains("analytics (risk)"), reply.text());
        assertTrue(reply.text().contains("Sources: "), reply.text());
        assertOnlyToolFigures(reply.text(), tools.allFigures(), 10);

        assertTrue(reply.evidence().stream().anyMatch(e -> e.id().equals("marketData:AAPL#price")
                && e.value() == 227.52 && e.source().startsWith("Polygon")), reply.evidence().toString());
        assertTrue(reply.evidence().stream().anyMatch(e -> e.id().endsWith("#volatility") && e.value() == 0.2841));
        assertTrue(reply.tokens().input() > 0 && reply.tokens().output() > 0);
        assertEquals(2, reply.modelCalls(), "one call asking for tools, one answering");
    }

    @Test
    void secondTurnInTheSameConversationRefersToTheFirst() {
        StubTools tools = new StubTools();
        ChatReply first = assistant.chat(new ChatTurn("u1:general", "general", "What is AAPL trading at?",
                List.of(), tools, List.of()));
        assertTrue(first.text().contains("price 227.52"), first.text());

        ChatReply second = assistant.chat(new ChatTurn("u1:general", "general", "And is it still in an uptrend?",
                List.of(), tools, List.of()));
        assertTrue(second.text().contains("Following up on your earlier question (\"What is AAPL trading at?\")"),
                second.text());
        assertTrue(second.toolCalls().stream().allMatch(c -> c.arguments().contains("AAPL")), second.toolCalls().toString());
        assertTrue(second.text().contains("long-term trend is up"), second.text());

        ChatReply third = assistant.chat(new ChatTurn("u1:general", "general", "What's the price of AAPL now?",
                List.of(), new StubTools(230.1), List.of()));
        assertTrue(third.text().startsWith("You asked about AAPL earlier in this conversation (\"What is AAPL "
                + "trading at?\")."), third.text());
        assertTrue(third.text().contains("AAPL's price was 227.52 then (Polygon; Polygon daily bars) and is 230.1 now"),
                third.text());
    }

    @Test
    void longTermMemoriesShapeTheAnswer() {
        List<String> memories = List.of("The user has a low risk tolerance.", "The user's investment horizon is 10 years.");
        ChatReply reply = assistant.chat(new ChatTurn("u1:riskManager", "riskManager", "Should I add to AAPL?",
                List.of(), new StubTools(), memories));
        assertTrue(reply.text().startsWith("Last time you said you have a low risk tolerance and your investment "
                + "horizon is 10 years."), reply.text());
        assertTrue(reply.text().contains("With your low risk tolerance, swings like these argue for a small position"),
                reply.text());

        ChatReply next = assistant.chat(new ChatTurn("u1:riskManager", "riskManager", "What about its drawdown?",
                List.of(), new StubTools(), memories));
        assertFalse(next.text().contains("Last time you said"), "a memory is mentioned once per conversation");
    }

    @Test
    void theProfileDecidesWhatLeads() {
        StubTools tools = new StubTools();
        ChatReply risk = assistant.chat(new ChatTurn("u1:riskManager", "riskManager", "Tell me about AAPL.",
                List.of("AAPL"), tools, List.of()));
        ChatReply trader = assistant.chat(new ChatTurn("u1:trader", "trader", "Tell me about AAPL.",
                List.of("AAPL"), tools, List.of()));

        assertTrue(risk.text().startsWith("AAPL: annualised volatility 28.41%"), risk.text());
        assertTrue(risk.text().contains("Largest risk first: concentration"), risk.text());
        assertTrue(trader.text().startsWith("AAPL: price 227.52, day change 1.23%"), trader.text());
        assertTrue(trader.text().contains("RSI(14) 61.37"), trader.text());
        assertTrue(trader.text().contains("multiple of ATR(14)"), trader.text());
        assertNotEquals(risk.text(), trader.text());
    }

    @Test
    void theEconomistQuotesEachStatisticWithItsSeriesAndDate() {
        StubTools tools = new StubTools();
        ChatReply reply = assistant.chat(new ChatTurn("u1:economist", "economist",
                "Is inflation still a problem, and where are rates going?", List.of(), tools, List.of()));
        assertTrue(tools.calls().contains("economicIndicators US"), tools.calls().toString());
        assertTrue(reply.text().contains("The economy: US CPI inflation, year over year: 2.92% (FRED CPIAUCSL, "
                + "2025-07-01); US change in the effective federal funds rate over 3 months: -25 basis points (FRED DFF, "
                + "2025-09-04)"), reply.text());
        assertTrue(reply.text().contains("inflation is still above the Fed's target"), reply.text());
        assertTrue(reply.text().contains("the yield curve is inverted"), reply.text());
        assertTrue(reply.text().contains("\"Fed cuts rates as hiring cools\" (Reuters, 2025-09-03)"), reply.text());
        assertFalse(reply.text().contains("\"US CPI inflation"), "a statistic is not quoted as coverage: " + reply.text());
        assertOnlyToolFigures(reply.text(), tools.allFigures(), 1);
        assertTrue(reply.evidence().stream().anyMatch(e -> e.id().endsWith("#inflationYoY") && e.value() == 2.92),
                reply.evidence().toString());
    }

    @Test
    void aMissingToolIsNamedAndAnotherAssistantSuggested() {
        ChatReply reply = assistant.chat(new ChatTurn("u1:general", "general", "What's the RSI of AAPL?",
                List.of(), new StubTools(), List.of()));
        assertTrue(reply.text().contains("As your General Assistant I have no technical-indicator tool; the Financial "
                + "Analyst or the Trading Assistant can answer that."), reply.text());
        assertTrue(reply.text().contains("50-day average 221.37"), "price history stands in: " + reply.text());
    }

    @Test
    void aStatedPreferenceIsAcknowledgedWithoutToolCalls() {
        StubTools tools = new StubTools();
        ChatReply reply = assistant.chat(new ChatTurn("u1:advisor", "advisor", "I have a low risk tolerance.",
                List.of(), tools, List.of()));
        assertTrue(reply.text().startsWith("Noted: you have a low risk tolerance."), reply.text());
        assertTrue(reply.toolCalls().isEmpty());
        assertTrue(tools.calls().isEmpty());
    }

    @Test
    void withoutToolsNoFigureIsQuoted() {
        ChatReply reply = assistant.chat(new ChatTurn("u1:trader", "trader", "What is AAPL trading at?",
                List.of(), null, List.of()));
        assertTrue(reply.text().contains("I have no data tools in this conversation"), reply.text());
        assertFalse(DECIMAL.matcher(reply.text()).find(), reply.text());
        assertTrue(reply.toolCalls().isEmpty());
        assertTrue(reply.evidence().isEmpty());
    }

    @Test
    void conversationsNeverSeeEachOthersMessages() {
        StubTools tools = new StubTools();
        assistant.chat(new ChatTurn("alice:general", "general", "What is AAPL trading at?", List.of(), tools, List.of()));
        ChatReply bob = assistant.chat(new ChatTurn("bob:general", "general", "Is it in an uptrend?", List.of(), tools,
                List.of()));

        assertFalse(bob.text().contains("earlier question") || bob.text().contains("AAPL"), bob.text());
        assertTrue(bob.text().startsWith("Which symbol do you mean?"), bob.text());
        assertTrue(bob.toolCalls().isEmpty(), "bob never named a symbol: " + bob.toolCalls());
        assertTrue(userTexts(assistant.history("alice:general")).equals(List.of("What is AAPL trading at?")));
        assertTrue(userTexts(assistant.history("bob:general")).equals(List.of("Is it in an uptrend?")));
        assertFalse(store.rows.get("bob:general").contains("AAPL trading"));
        assertFalse(store.rows.get("alice:general").contains("uptrend"));
    }

    @Test
    void aTurnIsStoredWholeAsLangChain4jJson() {
        assistant.chat(new ChatTurn("u1:analyst", "analyst", "Show me AAPL's momentum.", List.of(), new StubTools(),
                List.of()));
        List<ChatMessage> history = assistant.history("u1:analyst");
        List<ChatMessageType> types = history.stream().map(ChatMessage::type).toList();
        assertEquals(ChatMessageType.USER, types.get(0));
        assertTrue(history.get(1) instanceof AiMessage ai && ai.hasToolExecutionRequests(), history.toString());
        assertTrue(history.get(2) instanceof ToolExecutionResultMessage result && result.text().contains("rsi14"));
        assertEquals(ChatMessageType.AI, types.get(types.size() - 1));
        assertFalse(types.contains(ChatMessageType.SYSTEM), "the system message is rebuilt each turn, not stored");
        assertTrue(store.rows.get("u1:analyst").contains("\"type\":\"TOOL_EXECUTION_RESULT\""));
    }

    @Test
    void theTokenWindowDropsTheOldestMessages() {
        ChatAssistant small = new ChatAssistant(new ModelCatalog(ModelSettings.offline()), store,
                ChatSettings.defaults().withMemoryTokens(400));
        ChatTokenEstimator estimator = new ChatTokenEstimator();
        for (int i = 1; i <= 6; i++) {
            small.chat(new ChatTurn("u1:trader", "trader", "Question number " + i + " about AAPL?", List.of(), null,
                    List.of()));
        }
        List<ChatMessage> history = small.history("u1:trader");
        List<String> questions = userTexts(history);
        assertFalse(questions.contains("Question number 1 about AAPL?"), questions.toString());
        assertEquals("Question number 6 about AAPL?", questions.get(questions.size() - 1));
        assertTrue(estimator.estimateTokenCountInMessages(history) <= 400);
        assertTrue(store.getMessages("u1:trader").size() == history.size(), "the store holds the window only");
    }

    @Test
    void streamingHandsOverTheAnswerInChunks() {
        List<String> chunks = new ArrayList<>();
        ChatReply reply = assistant.chat(new ChatTurn("u1:general", "general", "What is AAPL trading at?", List.of(),
                new StubTools(), List.of()), chunks::add);
        assertTrue(chunks.size() > 5, chunks.toString());
        assertEquals(reply.text(), String.join("", chunks));
    }

    @Test
    void theSameTurnGivesTheSameAnswer() {
        ChatTurn turn = new ChatTurn("u1:advisor", "advisor", "How is my portfolio doing?", List.of(), new StubTools(),
                List.of("The user has a long-term investment horizon."));
        ChatReply a = new ChatAssistant(new ModelCatalog(ModelSettings.offline()), new JsonMemoryStore()).chat(turn);
        ChatReply b = new ChatAssistant(new ModelCatalog(ModelSettings.offline()), new JsonMemoryStore()).chat(turn);
        assertEquals(a, b);
        assertTrue(a.text().contains("VTI 56.55%"), a.text());
    }

    @Test
    void theStreamedAnswerComesWordByWordAndIsTheBlockingAnswer() {
        ChatTurn turn = new ChatTurn("u1:analyst", "analyst", "How is AAPL doing, and how risky is it?", List.of(),
                new StubTools(), List.of());
        ChatReply blocking = new ChatAssistant(new ModelCatalog(ModelSettings.offline()), new JsonMemoryStore())
                .chat(turn);

        List<String> partials = new ArrayList<>();
        ChatReply streamed = assistant.chat(turn, partials::add);

        assertEquals(blocking, streamed, "one model, two ways of calling it");
        assertEquals(streamed.text(), String.join("", partials));
        assertEquals(streamed.text().split("\\s+").length, partials.size(), "a partial a word");
        assertTrue(partials.stream().allMatch(p -> p.strip().split("\\s+").length == 1), partials.toString());
        assertEquals(List.of(ChatMessageType.USER, ChatMessageType.AI, ChatMessageType.TOOL_EXECUTION_RESULT),
                assistant.history("u1:analyst").subList(0, 3).stream().map(ChatMessage::type).toList());
        assertEquals(streamed.text(), ((AiMessage) last(assistant.history("u1:analyst"))).text());
    }

    @Test
    void aConsumerThatFailsMidAnswerEndsTheTurnAndLeavesTheMemory() {
        assistant.chat(new ChatTurn("u1:general", "general", "What is AAPL trading at?", List.of(), new StubTools(),
                List.of()));
        String before = store.rows.get("u1:general");
        List<String> partials = new ArrayList<>();
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> assistant.chat(new ChatTurn(
                "u1:general", "general", "And is it still in an uptrend?", List.of(), new StubTools(), List.of()),
                partial -> {
                    if (partials.size() == 3) {
                        throw new IllegalStateException("the client went away");
                    }
                    partials.add(partial);
                }));
        assertEquals("the client went away", gone.getMessage());
        assertEquals(3, partials.size());
        assertEquals(before, store.rows.get("u1:general"), "a failed turn stores nothing");
    }

    @Test
    void anUnknownAssistantIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> assistant.chat(new ChatTurn("u1:x", "astrologer", "Hi",
                List.of(), null, List.of())));
    }

    private static ChatMessage last(List<ChatMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static List<String> userTexts(List<ChatMessage> messages) {
        return messages.stream().filter(m -> m instanceof UserMessage).map(m -> ((UserMessage) m).singleText()).toList();
    }

    /** Every decimal number of the text is a stub figure, as is or as a percentage, at the text's precision. */
    private static void assertOnlyToolFigures(String text, List<Double> figures, int atLeast) {
        Matcher m = DECIMAL.matcher(DATE.matcher(text).replaceAll(" "));
        int count = 0;
        while (m.find()) {
            BigDecimal quoted = new BigDecimal(m.group().replace(",", ""));
            boolean known = figures.stream().map(v -> BigDecimal.valueOf(Math.abs(v))).anyMatch(v ->
                    v.setScale(quoted.scale(), RoundingMode.HALF_UP).compareTo(quoted) == 0
                            || v.movePointRight(2).setScale(quoted.scale(), RoundingMode.HALF_UP).compareTo(quoted) == 0);
            assertTrue(known, quoted + " is not a tool figure in: " + text);
            count++;
        }
        assertTrue(count >= atLeast, "only " + count + " figures quoted: " + text);
    }
}
