package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
 * @param memories the memories as answered, null when the answer had no list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ExtractedMemories(List<Entry> memories) {

    private static final int MAX_MEMORIES = 8;

    /** One memory as answered: a kind that may be outside the six, a text that may be blank. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonAlias("type") String kind, @JsonAlias({"memory", "content"}) String text) {
    }

    /** The properties form, {@code {"memories": [...]}}. */
    @JsonCreator
    ExtractedMemories {
    }

    /** The bare array some models answer instead of the object. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ExtractedMemories of(List<Entry> memories) {
        return new ExtractedMemories(memories);
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
