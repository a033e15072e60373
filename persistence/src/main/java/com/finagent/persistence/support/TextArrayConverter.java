package com.finagent.persistence.support;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;

/** Maps a {@code TEXT[]} column to an immutable list of strings. */
@Converter
public class TextArrayConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> attribute) {
        return attribute == null ? null : PgArrays.textLiteral(attribute);
    }

    @Override
    public List<String> convertToEntityAttribute(Object dbData) {
        return dbData == null ? null : Arrays.stream(PgArrays.elements(dbData)).map(String::valueOf).toList();
    }
}
