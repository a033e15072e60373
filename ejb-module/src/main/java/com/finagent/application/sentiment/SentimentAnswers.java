package com.finagent.application.sentiment;

import com.finagent.agents.model.JsonAnswers;
import dev.langchain4j.model.output.structured.Description;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A language model's answer to {@link SentimentClassification}: {@code {"answers": [...]}}, or the bare array that
 * the prompt's example invites. Fields beyond these are ignored rather than failing the answer.
 *
 * Public, as JSON-B binds public types only.
 *
 * @param answers one answer per text, in the texts' order; null when the answer had no list
 */
@JsonbTypeDeserializer(SentimentAnswers.Reader.class)
public record SentimentAnswers(List<Answer> answers) {

    /** The sentiment of one text as answered, not yet checked. */
    public record Answer(@Description("positive, negative or neutral") String label,
                  @Description("from -1 (most negative) to 1 (most positive)") Double score,
                  @Description("from 0 to 1") Double confidence) {
    }

    /** Reads the properties form {@code {"answers": [...]}} and the bare array. */
    public static final class Reader implements JsonbDeserializer<SentimentAnswers> {

        @Override
        public SentimentAnswers deserialize(JsonParser parser, DeserializationContext context, Type type) {
            List<JsonValue> list = JsonAnswers.list(parser.getValue(), "answers");
            if (list == null) {
                return new SentimentAnswers(null);
            }
            List<Answer> answers = new ArrayList<>();
            for (JsonValue answer : list) {
                answers.add(answer.getValueType() == JsonValue.ValueType.NULL ? null
                        : new Answer(JsonAnswers.text(answer, "label"), JsonAnswers.number(answer, "score"),
                        JsonAnswers.number(answer, "confidence")));
            }
            return new SentimentAnswers(answers);
        }
    }
}
