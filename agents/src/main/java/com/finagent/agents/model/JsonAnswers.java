package com.finagent.agents.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;

import java.util.List;

/**
 * Reads a language model's JSON answer into a typed result, for the JSON-B deserializers of those results. Models
 * vary the shape of an answer now and then, so a list may come wrapped in an object or bare, a field under one of
 * several names, a number as text, and fields beyond the asked ones are ignored. Anything else is no answer of the
 * asked shape and fails, so that the caller can ask again or fall back.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    /**
     * The list of an answer: member {@code name} of an object, or the bare array.
     *
     * @return the entries, null when the object has no such member or it is null
     * @throws JsonbException when the answer is neither such an object nor an array
     */
    public static List<JsonValue> list(JsonValue answer, String name) {
        JsonValue list = answer instanceof JsonObject object ? object.get(name) : answer;
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (list instanceof JsonArray array) {
            return array;
        }
        throw new JsonbException("'" + name + "' must be an array, not " + list.getValueType());
    }

    /**
     * The first of {@code names} that {@code entry} has, as text: numbers and booleans as written.
     *
     * @return the text, null when the entry has none of the names or the value is null
     * @throws JsonbException when the entry is no object or the value is an object or array
     */
    public static String text(JsonValue entry, String... names) {
        JsonValue value = first(entry, names);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> throw new JsonbException("'" + names[0] + "' must be text, not " + value.getValueType());
        };
    }

    /**
     * Member {@code name} of {@code entry} as a number; text that reads as a number counts.
     *
     * @return the number, null when the entry lacks it, or it is null or blank text
     * @throws JsonbException when the entry is no object or the value is no number
     */
    public static Double number(JsonValue entry, String name) {
        JsonValue value = first(entry, name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        if (value instanceof JsonString text) {
            if (text.getString().isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.getString().trim());
            } catch (NumberFormatException e) {
                throw new JsonbException("'" + name + "' must be a number, not '" + text.getString() + "'", e);
            }
        }
        throw new JsonbException("'" + name + "' must be a number, not " + value.getValueType());
    }

    private static JsonValue first(JsonValue entry, String... names) {
        if (!(entry instanceof JsonObject object)) {
            throw new JsonbException("an entry must be an object, not " + entry.getValueType());
        }
        for (String name : names) {
            if (object.containsKey(name)) {
                return object.get(name);
            }
        }
        return null;
    }
}
