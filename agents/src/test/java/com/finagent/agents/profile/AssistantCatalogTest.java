package com.finagent.agents.profile;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssistantCatalogTest {

    private final AssistantCatalog catalog = AssistantCatalog.load();

    @Test
    void definesTheSixProfilesInDisplayOrder() {
        List<String> ids = catalog.all().stream().map(AssistantProfile::id).toList();
        assertEquals(List.of("general", "analyst", "trader", "advisor", "riskManager", "economist"), ids);
    }

    @Test
    void everyProfileIsComplete() {
        Set<String> colours = new HashSet<>();
        for (AssistantProfile profile : catalog.all()) {
            assertFalse(profile.name().isBlank(), profile.id());
            assertFalse(profile.description().isBlank(), profile.id());
            assertTrue(profile.color().matches("#[0-9a-f]{6}"), profile.id());
            assertFalse(profile.icon().isBlank(), profile.id());
            assertFalse(profile.expertise().isEmpty(), profile.id());
            assertFalse(profile.tools().isEmpty(), profile.id());
            assertTrue(profile.instructions().length() > 50, profile.id());
            assertTrue(colours.add(profile.color()), "colour used twice: " + profile.color());
        }
    }

    @Test
    void findsByIdAndRejectsUnknownIds() {
        assertEquals("Risk Manager", catalog.find("riskManager").orElseThrow().name());
        assertTrue(catalog.find("astrologer").isEmpty());
    }
}
