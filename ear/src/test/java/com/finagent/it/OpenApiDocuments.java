package com.finagent.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document in one canonical form: object keys and array elements sorted, and the {@code servers}
 * that name the running deployment and the {@code endpoints} that Payara adds left out, so that documents equal in meaning compare equal.
 */
final class OpenApiDocuments {

    /** The document the build generated from our annotations (web-module's pom), which the WAR ships. */
    static final Path BUILT = Path.of("..", "web-module", "target", "classes", "META-INF", "openapi.json");

    private OpenApiDocuments() {
    }

    static String canonical(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return canonical(reader.readObject());
        }
    }

    static String canonical(JsonObject document) {
        // servers name the running deployment; endpoints is Payara's own listing of the deployed paths
        JsonObjectBuilder withoutServers = Json.createObjectBuilder(document).remove("servers").remove("endpoints");
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(sorted(withoutServers.build()));
        }
        return out.toString().strip() + "\n";
    }

    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            new TreeMap<>(object).forEach((key, member) -> builder.add(key, sorted(member)));
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> elements = array.stream().map(OpenApiDocuments::sorted)
                    .sorted(Comparator.comparing(JsonValue::toString)).toList();
            JsonArrayBuilder builder = Json.createArrayBuilder();
            elements.forEach(builder::add);
            return builder.build();
        }
        return value;
    }
}
