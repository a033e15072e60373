package com.finagent.persistence.support;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps a {@code REAL[]} column (an embedding vector) to a {@code float[]}. */
@Converter
public class RealArrayConverter implements AttributeConverter<float[], Object> {

    @Override
    public Object convertToDatabaseColumn(float[] attribute) {
        if (attribute == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder(attribute.length * 10).append('{');
        for (int i = 0; i < attribute.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(attribute[i]);
        }
        return literal.append('}').toString();
    }

    @Override
    public float[] convertToEntityAttribute(Object dbData) {
        if (dbData == null) {
            return null;
        }
        Object[] elements = PgArrays.elements(dbData);
        float[] vector = new float[elements.length];
        for (int i = 0; i < elements.length; i++) {
            vector[i] = elements[i] instanceof Number n ? n.floatValue() : Float.parseFloat(elements[i].toString());
        }
        return vector;
    }
}
