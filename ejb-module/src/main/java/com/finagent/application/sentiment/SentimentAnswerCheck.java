package com.finagent.application.sentiment;

import com.finagent.agents.model.TypedAnswerGuardrail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a model's sentiment answer usable: one answer per numbered text, each with a known label, a score in
 * [-1, 1] and a confidence in [0, 1]. An answer that falls short is sent back to the model once with the reason
 * ({@link TypedAnswerGuardrail}). Public with a public constructor: LangChain4j makes it from
 * {@code @OutputGuardrails}.
 */
public final class SentimentAnswerCheck extends TypedAnswerGuardrail<SentimentAnswers> {

    private static final Set<String> LABELS = Set.of("positive", "negative", "neutral");

    public SentimentAnswerCheck() {
        super(SentimentAnswers.class);
    }

    @Override
    protected Optional<String> problem(SentimentAnswers answer, Map<String, Object> variables) {
        List<SentimentAnswers.Answer> answers = answer.answers();
        if (answers == null) {
            return Optional.of("it holds no list of answers");
        }
        Object texts = variables.get("texts");
        long asked = texts == null ? answers.size() : String.valueOf(texts).lines().filter(line -> !line.isBlank())
                .count();
        if (answers.size() != asked) {
            return Optional.of("it has " + answers.size() + " answers for " + asked + " texts");
        }
        for (int i = 0; i < answers.size(); i++) {
            SentimentAnswers.Answer item = answers.get(i);
            if (item == null || item.label() == null || item.score() == null || item.confidence() == null) {
                return Optional.of("answer " + (i + 1) + " lacks a label, score or confidence");
            }
            if (!LABELS.contains(item.label().toLowerCase(Locale.ROOT))) {
                return Optional.of("answer " + (i + 1) + " has the label '" + item.label()
                        + "'; use positive, negative or neutral");
            }
            if (item.score() < -1 || item.score() > 1 || item.confidence() < 0 || item.confidence() > 1) {
                return Optional.of("answer " + (i + 1) + " has a score outside [-1, 1] or a confidence outside [0, 1]");
            }
        }
        return Optional.empty();
    }
}
