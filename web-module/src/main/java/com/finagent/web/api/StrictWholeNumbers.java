package com.finagent.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Accepts only whole JSON numbers within the Java type's range where an {@code int} or a {@code long} is
 * expected. Yasson otherwise narrows by dropping the high bits, so {@code "maxRounds": 4294967299} arrived as 3
 * and passed validation, and it truncated {@code 2.5} to 2.
 */
public final class StrictWholeNumbers {

    private StrictWholeNumbers() {
    }

    /** For {@code int} and {@code Integer} properties. */
    public static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type runtimeType) {
            return read(parser, BigDecimal::intValueExact, Integer.MAX_VALUE);
        }
    }

    /** For {@code long} and {@code Long} properties. */
    public static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type runtimeType) {
            return read(parser, BigDecimal::longValueExact, Long.MAX_VALUE);
        }
    }

    private static <T> T read(JsonParser parser, Function<BigDecimal, T> exact, long maximum) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new JsonbException("expected a whole number but found " + switch (value.getValueType()) {
                case STRING -> "a string";
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                default -> "a boolean";
            });
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("expected a whole number but found " + number.toPlainString());
        }
        try {
            return exact.apply(number.setScale(0));
        } catch (ArithmeticException outOfRange) {
            throw new JsonbException(number.toPlainString() + " is out of range (from " + (-maximum - 1)
                    + " to " + maximum + ")");
        }
    }
}
