package com.finagent.agents.memory;

import com.finagent.agents.memory.extraction.ExtractionRules;
import com.finagent.agents.memory.extraction.MemoryExtractor;
import com.finagent.agents.offline.memory.MemoryRules;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryExtractorTest {

    private static final ExtractionRules RULES = new MemoryRules();

    private final MemoryExtractor rules = MemoryExtractor.byRules(RULES);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I have a low risk tolerance.                                  | RISK_TOLERANCE   | The user has a low risk tolerance.
            Honestly, I'm pretty conservative with money.                 | RISK_TOLERANCE   | The user has a low risk tolerance.
            I'm an aggressive investor, happy to swing for the fences.    | RISK_TOLERANCE   | The user has a high risk tolerance.
            I can't afford to lose much of my savings.                    | RISK_TOLERANCE   | The user has a low risk tolerance.
            I'm comfortable with some risk                                | RISK_TOLERANCE   | The user has a moderate risk tolerance.
            I prefer low risk                                             | RISK_TOLERANCE   | The user has a low risk tolerance.
            My horizon is 10 years.                                       | HORIZON          | The user's investment horizon is 10 years.
            I'm investing for retirement in 2045.                         | HORIZON          | The user is investing for retirement in 2045.
            I'm saving for a house in 5 years                             | HORIZON          | The user is saving for a house in 5 years.
            I plan to retire at 60.                                       | HORIZON          | The user plans to retire at 60.
            I need the money in 2 years                                   | HORIZON          | The user needs the money in 2 years.
            I'm a long-term investor.                                     | HORIZON          | The user has a long-term investment horizon.
            I own 50 shares of AAPL.                                      | HOLDING_INTEREST | The user owns 50 shares of AAPL.
            I'm interested in NVDA                                        | HOLDING_INTEREST | The user is interested in NVDA.
            I'm thinking about buying $TSLA.                              | HOLDING_INTEREST | The user is interested in TSLA.
            My position in MSFT is up a lot.                              | HOLDING_INTEREST | The user holds MSFT.
            I don't like tobacco stocks.                                  | DISLIKE          | The user does not want to invest in tobacco stocks.
            I avoid oil companies because of climate change.              | DISLIKE          | The user does not want to invest in oil companies.
            I'm not interested in crypto at all.                          | DISLIKE          | The user does not want to invest in crypto.
            I prefer dividend stocks.                                     | PREFERENCE       | The user prefers dividend stocks.
            I'm mostly interested in index funds.                         | PREFERENCE       | The user is interested in index funds.
            I want steady income from my investments.                     | PREFERENCE       | The user wants steady income.
            I care about ESG.                                             | PREFERENCE       | The user cares about ESG.
            I'm 35 years old.                                             | FACT             | The user is 35 years old.
            I'm retired.                                                  | FACT             | The user is retired.
            I have $20,000 to invest.                                     | FACT             | The user has $20,000 to invest.
            I earn $80,000 a year.                                        | FACT             | The user earns $80,000 a year.
            I'm a nurse.                                                  | FACT             | The user is a nurse.
            I live in Germany.                                            | FACT             | The user lives in Germany.
            """)
    void extractsEachKindFromRealisticSentences(String message, MemoryKind kind, String text) {
        assertEquals(List.of(new Memory(kind, text)), rules.extract(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What is the price of AAPL?",
            "Show me NVDA's RSI.",
            "How did the market do today?",
            "Is a high risk tolerance bad?",
            "Should I buy Tesla if I'm aggressive?",
            "I want to know the price of AAPL",
            "I'd like to see the TSLA chart.",
            "I think AAPL is overvalued.",
            "My brother is very conservative.",
            "Tell me about dividend stocks.",
            "I'm a bit worried about the market.",
            "I have a question about my portfolio.",
            "Thanks, that helps!",
            "I'm interested in learning about options."
    })
    void neutralMessagesGiveNoMemories(String message) {
        assertEquals(List.of(), rules.extract(message));
    }

    @Test
    void aMessageCanStateSeveralThings() {
        assertEquals(List.of(
                        new Memory(MemoryKind.FACT, "The user is 42 years old."),
                        new Memory(MemoryKind.HOLDING_INTEREST, "The user owns 50 shares of AAPL."),
                        new Memory(MemoryKind.DISLIKE, "The user does not want to invest in tobacco stocks."),
                        new Memory(MemoryKind.DISLIKE, "The user does not want to invest in crypto."),
                        new Memory(MemoryKind.RISK_TOLERANCE, "The user has a low risk tolerance.")),
                rules.extract("I'm 42 and I own 50 shares of AAPL. I don't like tobacco stocks or crypto. "
                        + "How risky is NVDA, given I'm conservative?"));
    }

    @Test
    void aModelAnswerIsParsedEvenWithProseAndFences() {
        AtomicInteger calls = new AtomicInteger();
        MemoryExtractor llm = MemoryExtractor.withModel(answering(calls, """
                Sure! Here is what I found:
                ```json
                {"memories": [
                  {"kind": "Risk tolerance", "text": "the user has a low risk tolerance"},
                  {"kind": "holding-interest", "text": "The user owns 50 shares of AAPL."},
                  {"kind": "zodiac", "text": "The user is a Leo."},
                  {"kind": "fact", "text": "  "}
                ]}
                ```"""), RULES);
        assertTrue(llm.usesModel());
        assertEquals(List.of(new Memory(MemoryKind.RISK_TOLERANCE, "The user has a low risk tolerance."),
                        new Memory(MemoryKind.HOLDING_INTEREST, "The user owns 50 shares of AAPL.")),
                llm.extract("I'm careful with money, and I own 50 shares of AAPL."));
        assertEquals(1, calls.get());
    }

    @Test
    void aBareArrayAnswerIsReadAndTheModelGetsTheInstructionsAndTheMessage() {
        List<ChatRequest> requests = new ArrayList<>();
        MemoryExtractor llm = MemoryExtractor.withModel(new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from(
                        "[{\"type\": \"horizon\", \"memory\": \"The user retires in 2045.\"}]")).build();
            }
        }, RULES);
        assertEquals(List.of(new Memory(MemoryKind.HORIZON, "The user retires in 2045.")),
                llm.extract("I retire in 2045 {{and}} not before."));
        assertEquals(1, requests.size());
        List<ChatMessage> messages = requests.get(0).messages();
        assertTrue(((SystemMessage) messages.get(0)).text().startsWith("You extract long-term memories"));
        assertTrue(((UserMessage) messages.get(1)).singleText().startsWith("I retire in 2045 {{and}} not before."));
    }

    @Test
    void fieldsBeyondKindAndTextDoNotSpoilAnAnswer() {
        AtomicInteger calls = new AtomicInteger();
        MemoryExtractor llm = MemoryExtractor.withModel(answering(calls, "{\"memories\": [{\"kind\": \"dislike\", "
                + "\"text\": \"The user does not want to invest in crypto.\", \"confidence\": 0.9}], \"note\": \"ok\"}"),
                RULES);
        assertEquals(List.of(new Memory(MemoryKind.DISLIKE, "The user does not want to invest in crypto.")),
                llm.extract("I don't want crypto."));
    }

    @Test
    void unusableModelAnswersFallBackToTheRules() {
        AtomicInteger calls = new AtomicInteger();
        MemoryExtractor garbage = MemoryExtractor.withModel(answering(calls, "I think the user is nice."), RULES);
        assertEquals(List.of(new Memory(MemoryKind.PREFERENCE, "The user prefers dividend stocks.")),
                garbage.extract("I prefer dividend stocks."));

        MemoryExtractor failing = MemoryExtractor.withModel(new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                calls.incrementAndGet();
                throw new IllegalStateException("HTTP 503");
            }
        }, RULES);
        assertEquals(List.of(new Memory(MemoryKind.HORIZON, "The user's investment horizon is 10 years.")),
                failing.extract("My horizon is 10 years."));
        // The garbage answer and the answer to its one repair request, then the failing model's one call.
        assertEquals(3, calls.get());
    }

    @Test
    void anAnswerWithoutAListIsSentBackOnceWithWhatWasWrong() {
        List<List<ChatMessage>> requests = new ArrayList<>();
        MemoryExtractor llm = MemoryExtractor.withModel(new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request.messages());
                String answer = requests.size() == 1 ? "The user likes dividends."
                        : "{\"memories\": [{\"kind\": \"preference\", \"text\": \"The user likes dividend stocks.\"}]}";
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        }, RULES);

        assertEquals(List.of(new Memory(MemoryKind.PREFERENCE, "The user likes dividend stocks.")),
                llm.extract("I like dividend stocks."), "the repaired answer, not the rules' reading");
        assertEquals(2, requests.size());
        List<ChatMessage> repair = requests.get(1);
        assertEquals("The user likes dividends.", ((AiMessage) repair.get(repair.size() - 2)).text(),
                "the model sees its own unusable answer");
        String request = ((UserMessage) repair.get(repair.size() - 1)).singleText();
        assertTrue(request.contains("cannot be used") && request.contains("no JSON of the asked shape"), request);
    }

    @Test
    void messagesWithoutFirstPersonNeverReachTheModel() {
        AtomicInteger calls = new AtomicInteger();
        MemoryExtractor llm = MemoryExtractor.withModel(answering(calls, "{\"memories\":[]}"), RULES);
        assertEquals(List.of(), llm.extract("What is the price of AAPL?"));
        assertEquals(0, calls.get());
    }

    @Test
    void memoriesReadInTheSecondPerson() {
        assertEquals("you have a low risk tolerance", new Memory(MemoryKind.RISK_TOLERANCE,
                "The user has a low risk tolerance.").secondPerson());
        assertEquals("your investment horizon is 10 years", MemoryText.secondPerson(
                "The user's investment horizon is 10 years."));
        assertEquals("you own 50 shares of AAPL", MemoryText.secondPerson("The user owns 50 shares of AAPL."));
        assertEquals("you do not want to invest in crypto", MemoryText.secondPerson(
                "The user does not want to invest in crypto."));
        assertEquals("you are investing for retirement in 2045", MemoryText.secondPerson(
                "The user is investing for retirement in 2045."));
        assertEquals("you prefer dividend stocks", MemoryText.secondPerson("The user prefers dividend stocks."));
        assertEquals("likes options", MemoryText.secondPerson("Likes options."));
    }

    @Test
    void kindsParseTheirKeysAndCommonSpellings() {
        for (MemoryKind kind : MemoryKind.values()) {
            assertEquals(kind, MemoryKind.parse(kind.key()));
        }
        assertEquals(MemoryKind.RISK_TOLERANCE, MemoryKind.parse("Risk tolerance"));
        assertTrue(MemoryKind.HORIZON.singleValued());
        assertFalse(MemoryKind.DISLIKE.singleValued());
    }

    private static ChatModel answering(AtomicInteger calls, String answer) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                calls.incrementAndGet();
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };
    }
}
