package com.finagent.application.sentiment;

import com.finagent.agents.model.TypedAnswerGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.model.chat.ChatModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentiment from a language model: one answer per text, in order, checked before it is believed. */
final class LanguageModelSentiment {

    private LanguageModelSentiment() {
    }

    /**
     * Scores the texts with the model.
     *
     * @throws IllegalArgumentException when the answer, and the answer to one repair request, is no JSON, has
     *                                  another number of answers than texts, or an answer with an unknown label or a
     *                                  score or confidence out of range ({@link SentimentAnswerCheck})
     */
    static List<SentimentService.Scored> score(ChatModel model, List<String> texts) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            numbered.append(i + 1).append(". ").append(texts.get(i).replace('\n', ' ')).append('\n');
        }
        SentimentAnswers answer;
        try {
            answer = TypedAnswerGuardrail.forOneCall(SentimentClassification.class, model).classify(numbered.toString());
        } catch (OutputGuardrailException unusable) {
            throw new IllegalArgumentException("no usable answer after a repair request", unusable);
        }
        List<SentimentService.Scored> results = new ArrayList<>();
        for (SentimentAnswers.Answer item : answer.answers()) {
            results.add(new SentimentService.Scored(item.label().toLowerCase(Locale.ROOT), item.score(),
                    item.confidence()));
        }
        return results;
    }
}
