package com.finagent.agents.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.internal.Json.JsonCodec;
import dev.langchain4j.spi.json.JsonCodecFactory;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;

import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.PropertyAccessor.FIELD;

/**
 * The JSON codec LangChain4j uses for tool specifications, tool arguments and the typed results of AI services,
 * configured as its default one but without discovering Jackson modules. Inside Payara the discovery finds the
 * server's own Jackson modules, which are no subtypes of the EAR's Jackson, so the default codec fails to load and
 * every AI service with tools fails. Registered through
 * {@code META-INF/services/dev.langchain4j.spi.json.JsonCodecFactory}.
 * <p>
 * This adapter is the one place where our code meets Jackson: LangChain4j's codec SPI is written against it and
 * its own types are bound with it. Our code uses JSON-B and JSON-P, so a typed result of ours that declares a
 * JSON-B deserializer ({@link JsonbTypeDeserializer}, e.g. a model's answer read leniently) is read by JSON-B here.
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
            if (type.isAnnotationPresent(JsonbTypeDeserializer.class)) {
                return CanonicalJson.read(json, type);
            }
            try {
                return mapper.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromJson(String json, Type type) {
            if (type instanceof Class<?> bound && bound.isAnnotationPresent(JsonbTypeDeserializer.class)) {
                return (T) CanonicalJson.read(json, bound);
            }
            try {
                return mapper.readValue(json, mapper.constructType(type));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
