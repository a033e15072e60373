package com.finagent.application.sentiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.langchain4j.model.output.structured.Description;

import java.util.List;

/**
 * A language model's answer to {@link SentimentClassification}: {@code {"answers": [...]}}, or the bare array that
 * the prompt's example invites. Fields beyond these are ignored rather than failing the answer.
 *
 * @param answers one answer per text, in the texts' order; null when the answer had no list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SentimentAnswers(List<Answer> answers) {

    /** The sentiment of one text as answered, not yet checked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@Description("positive, negative or neutral") String label,
                  @Description("from -1 (most negative) to 1 (most positive)") Double score,
                  @Description("from 0 to 1") Double confidence) {
    }

    /** The properties form, {@code {"answers": [...]}}. */
    @JsonCreator
    SentimentAnswers {
    }

    /** The bare array. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SentimentAnswers of(List<Answer> answers) {
        return new SentimentAnswers(answers);
    }
}
