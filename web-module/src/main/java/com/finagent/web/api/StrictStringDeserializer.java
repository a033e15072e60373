package com.finagent.web.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Accepts only JSON strings (or null) where a string is expected. Yasson otherwise turns numbers, booleans
 * and even arrays into strings, so {@code {"name": [1, 2]}} would silently become the name "2". A string
 * holding the NUL character is refused here, once for every field: PostgreSQL cannot store it in text, and
 * no text a person writes contains it.
 */
public class StrictStringDeserializer implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type runtimeType) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> withoutNul(((JsonString) value).getString());
            case NULL -> null;
            case ARRAY -> throw mismatch("an array");
            case OBJECT -> throw mismatch("an object");
            case NUMBER -> throw mismatch("a number");
            case TRUE, FALSE -> throw mismatch("a boolean");
        };
    }

    private static String withoutNul(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new JsonbException("text may not contain the NUL character (\\u0000)");
        }
        return text;
    }

    private static JsonbException mismatch(String found) {
        return new JsonbException("expected a JSON string but found " + found);
    }
}
