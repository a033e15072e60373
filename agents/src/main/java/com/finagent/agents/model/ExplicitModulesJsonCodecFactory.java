package com.finagent.agents.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.internal.Json.JsonCodec;
import dev.langchain4j.spi.json.JsonCodecFactory;

import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.PropertyAccessor.FIELD;

/**
 * The JSON codec LangChain4j uses for tool specifications and tool arguments, configured as its default one but
 * without discovering Jackson modules. Inside Payara the discovery finds the server's own Jackson modules, which are
 * no subtypes of the EAR's Jackson, so the default codec fails to load and every AI service with tools fails.
 * Registered through {@code META-INF/services/dev.langchain4j.spi.json.JsonCodecFactory}.
 */
public final class ExplicitModulesJsonCodecFactory implements JsonCodecFactory {

    @Override
    public JsonCodec create() {
        return new Codec(JsonMapper.builder()
                .visibility(FIELD, ANY)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build());
    }

    private record Codec(ObjectMapper mapper) implements JsonCodec {

        @Override
        public String toJson(Object o) {
            try {
                return mapper.writeValueAsString(o);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T fromJson(String json, Class<T> type) {
            try {
                return mapper.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T fromJson(String json, Type type) {
            try {
                return mapper.readValue(json, mapper.constructType(type));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
