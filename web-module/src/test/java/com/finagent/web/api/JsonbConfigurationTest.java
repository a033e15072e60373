package com.finagent.web.api;

import com.finagent.web.analytics.SimulationRequest;
import com.finagent.web.debate.DebateTrigger;
import com.finagent.web.portfolio.PortfolioRequest;
import com.finagent.web.portfolio.PortfolioRiskRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonbConfigurationTest {

    private final Jsonb jsonb = JsonbConfiguration.create();

    @Test
    void readsStringsAndNulls() {
        PortfolioRequest request = jsonb.fromJson("{\"name\":\"Growth\",\"description\":null}", PortfolioRequest.class);
        assertEquals("Growth", request.getName());
        assertNull(request.getDescription());
    }

    @Test
    void rejectsOtherTypesWhereAStringBelongs() {
        for (String body : new String[]{"{\"name\":[1,2]}", "{\"name\":12}", "{\"name\":true}", "{\"name\":{}}"}) {
            JsonbException failure = assertThrows(JsonbException.class, () -> jsonb.fromJson(body, PortfolioRequest.class));
            String messages = failure.getMessage() + (failure.getCause() == null ? "" : failure.getCause().getMessage());
            assertTrue(messages.contains("expected a JSON string"), body + " -> " + messages);
        }
    }

    @Test
    void refusesTheNulCharacterInAnyText() {
        JsonbException failure = assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"name\":\"a\\u0000b\"}", PortfolioRequest.class));
        assertTrue(messages(failure).contains("NUL character"), messages(failure));
    }

    @Test
    void readsWholeNumbersInRange() {
        assertEquals(3, jsonb.fromJson("{\"maxRounds\":3}", DebateTrigger.class).getMaxRounds());
        assertEquals(2_000, jsonb.fromJson("{\"paths\":2000}", PortfolioRiskRequest.class).getPaths());
        assertEquals(Long.MAX_VALUE, jsonb.fromJson("{\"seed\":9223372036854775807}", SimulationRequest.class).toQuery().seed());
    }

    /** Yasson wrapped these: 4294967299 became 3 and 4294967496 became 200, both then passing validation. */
    @Test
    void refusesNumbersThatWouldWrapOrBeTruncated() {
        assertRefused("{\"maxRounds\":4294967299}", DebateTrigger.class, "out of range");
        assertRefused("{\"paths\":4294967496}", SimulationRequest.class, "out of range");
        assertRefused("{\"paths\":4294967496}", PortfolioRiskRequest.class, "out of range");
        assertRefused("{\"seed\":9223372036854775808}", SimulationRequest.class, "out of range");
        assertRefused("{\"maxRounds\":2.5}", DebateTrigger.class, "whole number");
        assertRefused("{\"maxRounds\":\"3\"}", DebateTrigger.class, "whole number");
    }

    private void assertRefused(String body, Class<?> type, String expected) {
        JsonbException failure = assertThrows(JsonbException.class, () -> jsonb.fromJson(body, type), body);
        assertTrue(messages(failure).contains(expected), body + " -> " + messages(failure));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
