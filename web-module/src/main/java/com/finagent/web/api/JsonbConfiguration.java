package com.finagent.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The one JSON-B configuration of the API: strict about types and number ranges, ISO-8601 dates, nulls left out. */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = create();

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .withDeserializers(new StrictStringDeserializer(), new StrictWholeNumbers.Integers(),
                        new StrictWholeNumbers.Longs())
                .withNullValues(false));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
