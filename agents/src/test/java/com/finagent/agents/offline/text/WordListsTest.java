package com.finagent.agents.offline.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordListsTest {

    private final WordLists words = WordLists.load(WordListsTest.class, "sample-words.txt");

    @Test
    void readsSectionsInOrderWithoutCommentsOrBlankLines() {
        assertEquals(List.of("red", "green", "blue"), words.list("colours"));
        assertEquals(Set.of("red", "green", "blue"), words.set("colours"));
        assertEquals(2, words.sections().size());
    }

    @Test
    void aHeaderCarriesItsParameters() {
        WordLists.Section direction = words.sections().get(1);
        assertEquals("direction", direction.name());
        assertEquals(List.of("+1", "0.4", "before"), direction.parameters());
        assertEquals(List.of("rose", "picked up"), direction.entries());
    }

    @Test
    void aMissingSectionOrFileIsAnError() {
        IllegalStateException section = assertThrows(IllegalStateException.class, () -> words.list("sizes"));
        assertTrue(section.getMessage().contains("[sizes]"), section.getMessage());
        assertThrows(IllegalStateException.class, () -> WordLists.load(WordListsTest.class, "no-such-words.txt"));
    }
}
