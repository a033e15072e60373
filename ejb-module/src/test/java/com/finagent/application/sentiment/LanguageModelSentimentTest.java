package com.finagent.application.sentiment;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageModelSentimentTest {

    private static ChatModel answering(String answer, StringBuilder prompt) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                prompt.append(request.messages().get(0).toString());
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };
    }

    @Test
    void readsOneCheckedAnswerPerTextInOrder() {
        StringBuilder prompt = new StringBuilder();
        var results = LanguageModelSentiment.score(answering("```json\n[{\"label\":\"Positive\",\"score\":0.8,"
                + "\"confidence\":0.9},{\"label\":\"negative\",\"score\":-0.6,\"confidence\":0.7}]\n```", prompt),
                List.of("Profit rose 20 %", "Sales fell"));
        assertEquals(List.of(new SentimentService.Scored("positive", 0.8, 0.9),
                new SentimentService.Scored("negative", -0.6, 0.7)), results);
        assertTrue(prompt.toString().contains("1. Profit rose 20 %") && prompt.toString().contains("2. Sales fell"));
    }

    @Test
    void readsTheObjectFormAndIgnoresFieldsBeyondTheThree() {
        var results = LanguageModelSentiment.score(answering("{\"answers\": [{\"label\": \"neutral\", \"score\": 0,"
                + " \"confidence\": 0.6, \"reason\": \"a plain fact\"}]}", new StringBuilder()), List.of("Board met"));
        assertEquals(List.of(new SentimentService.Scored("neutral", 0, 0.6)), results);
    }

    @Test
    void rejectsAnswersItCannotTrust() {
        StringBuilder ignored = new StringBuilder();
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSentiment.score(
                answering("I think they are positive.", ignored), List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSentiment.score(
                answering("[{\"label\":\"positive\",\"score\":0.5,\"confidence\":0.5}]", ignored), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSentiment.score(
                answering("[{\"label\":\"bullish\",\"score\":0.5,\"confidence\":0.5}]", ignored), List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSentiment.score(
                answering("[{\"label\":\"positive\",\"score\":3,\"confidence\":0.5}]", ignored), List.of("a")));
    }

    @Test
    void anAnswerThatCannotBeUsedIsSentBackOnceWithWhatWasWrong() {
        List<List<ChatMessage>> requests = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request.messages());
                String answer = requests.size() == 1 ? "[{\"label\":\"positive\",\"score\":0.8,\"confidence\":0.9}]"
                        : "[{\"label\":\"positive\",\"score\":0.8,\"confidence\":0.9},"
                        + "{\"label\":\"negative\",\"score\":-0.6,\"confidence\":0.7}]";
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };

        var results = LanguageModelSentiment.score(model, List.of("Profit rose 20 %", "Sales fell"));

        assertEquals(List.of(new SentimentService.Scored("positive", 0.8, 0.9),
                new SentimentService.Scored("negative", -0.6, 0.7)), results, "the repaired answer");
        assertEquals(2, requests.size(), "one repair request");
        List<ChatMessage> repair = requests.get(1);
        String request = ((UserMessage) repair.get(repair.size() - 1)).singleText();
        assertTrue(request.contains("it has 1 answers for 2 texts"), request);
    }

    @Test
    void aLabelOutsideTheThreeIsNamedInTheRepairRequest() {
        List<String> repairs = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                ChatMessage last = request.messages().get(request.messages().size() - 1);
                if (request.messages().size() > 1) {
                    repairs.add(((UserMessage) last).singleText());
                }
                return ChatResponse.builder().aiMessage(AiMessage.from(
                        "[{\"label\":\"bullish\",\"score\":0.5,\"confidence\":0.5}]")).build();
            }
        };

        assertThrows(IllegalArgumentException.class, () -> LanguageModelSentiment.score(model, List.of("a")));
        assertEquals(1, repairs.size(), "asked once more, then given up on");
        assertTrue(repairs.get(0).contains("'bullish'"), repairs.get(0));
    }
}
