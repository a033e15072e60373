package com.finagent.web.api;

import com.finagent.web.portfolio.PortfolioRequest;
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
}
