package com.finagent.application.sentiment;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

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
}
