package com.finagent.agents.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Lenient reads of JSON-P trees that models and tools wrote: an absent, null or differently typed member reads as
 * a fallback instead of failing, because an answer is judged by what it says, not by how strictly it is typed.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Member {@code name} of {@code value} when {@code value} is an object, else null. */
    public static JsonValue member(JsonValue value, String name) {
        return value instanceof JsonObject object ? object.get(name) : null;
    }

    /** {@code value} when it is an object, else an empty object. */
    public static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Member {@code name} when it is an object, else an empty object. */
    public static JsonObject object(JsonValue value, String name) {
        return object(member(value, name));
    }

    /** {@code value} when it is an array, else an empty array. */
    public static JsonArray array(JsonValue value) {
        return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Member {@code name} when it is an array, else an empty array. */
    public static JsonArray array(JsonValue value, String name) {
        return array(member(value, name));
    }

    /** The text of a scalar: a string as it is, a number or boolean as written; null for null, absent or a container. */
    public static String text(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> null;
        };
    }

    /** The text of member {@code name}, null when it has none. */
    public static String text(JsonValue value, String name) {
        return text(member(value, name));
    }

    /** The text of member {@code name}, {@code fallback} when it has none. */
    public static String text(JsonValue value, String name, String fallback) {
        String text = text(value, name);
        return text == null ? fallback : text;
    }

    /** Whether member {@code name} is present and not null. */
    public static boolean hasNonNull(JsonValue value, String name) {
        JsonValue member = member(value, name);
        return member != null && member.getValueType() != JsonValue.ValueType.NULL;
    }

    /** Whether {@code value} is a JSON number. */
    public static boolean isNumber(JsonValue value) {
        return value instanceof JsonNumber;
    }

    /** Whether member {@code name} is a JSON number. */
    public static boolean isNumber(JsonValue value, String name) {
        return isNumber(member(value, name));
    }

    /** {@code value} as a number (a number, or text that reads as one), else {@code fallback}. */
    public static double number(JsonValue value, double fallback) {
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        if (value instanceof JsonString string) {
            try {
                return Double.parseDouble(string.getString().trim());
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
        return fallback;
    }

    /** Member {@code name} as a number (a number, or text that reads as one), else {@code fallback}. */
    public static double number(JsonValue value, String name, double fallback) {
        return number(member(value, name), fallback);
    }
}
