package com.finagent.application.sentiment;

import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.guardrail.OutputGuardrails;

/**
 * Sentiment by a language model, as a LangChain4j AI service: the prompt is the template
 * {@code sentiment-classification.txt} beside this interface, the answer is read into {@link SentimentAnswers} and
 * checked by {@link SentimentAnswerCheck}, which asks the model once more when it is unusable.
 */
interface SentimentClassification {

    /**
     * @param texts the texts, one per line, numbered from 1
     */
    @UserMessage(fromResource = "sentiment-classification.txt")
    @OutputGuardrails(value = SentimentAnswerCheck.class, maxRetries = 2)
    SentimentAnswers classify(@V("texts") String texts);
}
