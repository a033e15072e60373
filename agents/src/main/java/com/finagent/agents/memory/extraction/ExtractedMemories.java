package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.model.JsonAnswers;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A language model's answer to {@link MemoryExtraction}: {@code {"memories": [{"kind", "text"}]}}, or the bare array.
 * Models name the fields differently now and then ({@code type}, {@code memory}, {@code content}), so those are
 * read too, and fields beyond these are ignored rather than failing the answer.
 *
 * Public, as JSON-B binds public types only.
 *
 * @param memories the memories as answered, null when the answer had no list
 */
@JsonbTypeDeserializer(ExtractedMemories.Reader.class)
public record ExtractedMemories(List<Entry> memories) {

    private static final int MAX_MEMORIES = 8;

    /** One memory as answered: a kind that may be outside the six, a text that may be blank. */
    public record Entry(String kind, String text) {
    }

    /**
     * Reads the properties form {@code {"memories": [...]}} and the bare array some models answer instead, with the
     * other names models use for the fields.
     */
    public static final class Reader implements JsonbDeserializer<ExtractedMemories> {

        @Override
        public ExtractedMemories deserialize(JsonParser parser, DeserializationContext context, Type type) {
            List<JsonValue> list = JsonAnswers.list(parser.getValue(), "memories");
            if (list == null) {
                return new ExtractedMemories(null);
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonValue entry : list) {
                entries.add(entry.getValueType() == JsonValue.ValueType.NULL ? null
                        : new Entry(JsonAnswers.text(entry, "kind", "type"),
                        JsonAnswers.text(entry, "text", "memory", "content")));
            }
            return new ExtractedMemories(entries);
        }
    }

    /**
     * The usable memories in the order answered, without duplicates and at most eight: entries with an unknown kind
     * or no text are skipped. Empty when the answer held no list at all.
     */
    Optional<List<Memory>> usable() {
        if (memories == null) {
            return Optional.empty();
        }
        Set<Memory> usable = new LinkedHashSet<>();
        for (Entry entry : memories) {
            if (entry == null || entry.text() == null || entry.text().isBlank()) {
                continue;
            }
            try {
                usable.add(new Memory(MemoryKind.parse(entry.kind() == null ? "" : entry.kind()), entry.text()));
            } catch (IllegalArgumentException unknownKind) {
                // a kind outside the six cannot be stored; the other entries still count
            }
            if (usable.size() == MAX_MEMORIES) {
                break;
            }
        }
        return Optional.of(new ArrayList<>(usable));
    }
}
