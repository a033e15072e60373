package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.model.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A model's memory answer read by JSON-B, as LangChain4j's codec hands it over for the AI service's typed result. */
class ExtractedMemoriesTest {

    private static ExtractedMemories read(String json) {
        return dev.langchain4j.internal.Json.fromJson(json, ExtractedMemories.class);
    }

    @Test
    void theObjectFormIgnoresFieldsBeyondKindAndText() {
        ExtractedMemories answer = read("{\"memories\": [{\"kind\": \"dislike\", \"text\": \"The user avoids oil.\", "
                + "\"confidence\": 0.9}], \"note\": \"ok\"}");
        assertEquals(List.of(new ExtractedMemories.Entry("dislike", "The user avoids oil.")), answer.memories());
        assertEquals(Optional.of(List.of(new Memory(MemoryKind.DISLIKE, "The user avoids oil."))), answer.usable());
    }

    @Test
    void theBareArrayAndTheOtherFieldNamesAreRead() {
        assertEquals(List.of(new ExtractedMemories.Entry("horizon", "The user retires in 2045."),
                        new ExtractedMemories.Entry("fact", "The user is 35.")),
                read("[{\"type\": \"horizon\", \"memory\": \"The user retires in 2045.\"}, "
                        + "{\"kind\": \"fact\", \"content\": \"The user is 35.\"}]").memories());
    }

    @Test
    void anAnswerWithoutAListHasNoUsableMemories() {
        assertEquals(Optional.empty(), read("{\"facts\": []}").usable());
        assertEquals(Optional.empty(), read("{\"memories\": null}").usable());
    }

    @Test
    void anotherShapeIsNoAnswer() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.read("{\"memories\": \"none\"}",
                ExtractedMemories.class));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.read("[\"The user is 35.\"]",
                ExtractedMemories.class));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.read(
                "[{\"kind\": \"fact\", \"text\": {\"value\": \"The user is 35.\"}}]", ExtractedMemories.class));
    }
}
