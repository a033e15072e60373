package com.finagent.application.sentiment;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.output.OutputParsingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Sentiment from a language model: one answer per text, in order, checked before it is believed. */
final class LanguageModelSentiment {

    private static final Set<String> LABELS = Set.of("positive", "negative", "neutral");

    private LanguageModelSentiment() {
    }

    /**
     * Scores the texts with the model.
     *
     * @throws IllegalArgumentException when the answer is no JSON, has another number of answers than texts, or an
     *                                  answer with an unknown label or a score or confidence out of range
     */
    static List<SentimentService.Scored> score(ChatModel model, List<String> texts) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            numbered.append(i + 1).append(". ").append(texts.get(i).replace('\n', ' ')).append('\n');
        }
        SentimentAnswers answer;
        try {
            answer = AiServices.create(SentimentClassification.class, model).classify(numbered.toString());
        } catch (OutputParsingException e) {
            throw new IllegalArgumentException("no JSON answer of the asked shape", e);
        }
        List<SentimentAnswers.Answer> answers = answer.answers() == null ? List.of() : answer.answers();
        if (answers.size() != texts.size()) {
            throw new IllegalArgumentException(answers.size() + " answers for " + texts.size() + " texts");
        }
        List<SentimentService.Scored> results = new ArrayList<>();
        for (SentimentAnswers.Answer item : answers) {
            if (item == null || item.label() == null || item.score() == null || item.confidence() == null) {
                throw new IllegalArgumentException("incomplete answer " + item);
            }
            String label = item.label().toLowerCase(Locale.ROOT);
            double score = item.score();
            double confidence = item.confidence();
            if (!LABELS.contains(label) || score < -1 || score > 1 || confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("out-of-range answer " + item);
            }
            results.add(new SentimentService.Scored(label, score, confidence));
        }
        return results;
    }
}
