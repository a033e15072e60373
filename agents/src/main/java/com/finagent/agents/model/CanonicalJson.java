package com.finagent.agents.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one JSON configuration of the agents, on the platform's JSON-B (binding) and JSON-P (trees): every object's
 * keys sorted and no null properties, so that equal values always give byte-identical JSON (determinism of prompts
 * and outcomes depends on it). {@code java.time} values are ISO-8601 text, as JSON-B writes them.
 */
public final class CanonicalJson {

    private static final JsonProvider JSON_P = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withSerializers(new FiniteOrText()));
    private static final JsonWriterFactory COMPACT = JSON_P.createWriterFactory(Map.of());
    private static final JsonWriterFactory PRETTY = JSON_P.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private CanonicalJson() {
    }

    /**
     * The JSON-P provider, looked up once: {@code jakarta.json.Json}'s static methods look it up anew on every call,
     * which costs far more than building a value.
     */
    public static JsonProvider provider() {
        return JSON_P;
    }

    /** {@code value} (a bound object or a JSON-P value) as compact JSON with sorted keys. */
    public static String write(Object value) {
        return write(COMPACT, value);
    }

    /** {@code value} as indented JSON with sorted keys: what people and language models read. */
    public static String writePretty(Object value) {
        return write(PRETTY, value).strip();
    }

    /** {@code value} as a JSON-P tree with sorted keys. */
    public static JsonValue tree(Object value) {
        if (value instanceof JsonValue json) {
            return sorted(json);
        }
        String text;
        try {
            text = JSONB.toJson(value);
        } catch (JsonbException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
        return sorted(parse(text).orElseThrow(() -> new IllegalStateException("JSON-B wrote no JSON")));
    }

    /** Parses {@code text} as JSON, or empty when it is not JSON. */
    public static Optional<JsonValue> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON_P.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (JsonException notJson) {
            return Optional.empty();
        }
    }

    /** Parses {@code text} as a JSON object, or empty when it is no JSON object. */
    public static Optional<JsonObject> parseObject(String text) {
        return parse(text).filter(value -> value instanceof JsonObject).map(JsonValue::asJsonObject);
    }

    /** Binds {@code text} to {@code type}. @throws IllegalArgumentException when it is no JSON of that type */
    public static <T> T read(String text, Class<T> type) {
        try {
            return JSONB.fromJson(text, type);
        } catch (JsonbException | JsonException e) {
            throw new IllegalArgumentException("Invalid " + type.getSimpleName() + " JSON: " + rootMessage(e), e);
        }
    }

    private static String write(JsonWriterFactory factory, Object value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = factory.createWriter(out)) {
            writer.write(tree(value));
        }
        return out.toString();
    }

    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = JSON_P.createObjectBuilder();
            new TreeMap<>(object).forEach((key, member) -> builder.add(key, sorted(member)));
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = JSON_P.createArrayBuilder();
            array.forEach(element -> builder.add(sorted(element)));
            return builder.build();
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Non-finite figures as text ("NaN"): JSON has no number for them, and JSON-P refuses to write one. */
    private static final class FiniteOrText implements JsonbSerializer<Double> {

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            if (value.isNaN() || value.isInfinite()) {
                generator.write(value.toString());
            } else {
                generator.write(value.doubleValue());
            }
        }
    }
}
