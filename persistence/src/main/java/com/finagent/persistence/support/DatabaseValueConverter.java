package com.finagent.persistence.support;

import jakarta.persistence.AttributeConverter;

/**
 * Base of the per-enum converters: JPA needs one concrete converter class per attribute type. Subclasses
 * repeat {@code implements AttributeConverter<E, String>}: EclipseLink reads the attribute types from the
 * converter class's own interfaces, not from its superclass.
 */
public abstract class DatabaseValueConverter<E extends Enum<E> & DatabaseValue> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected DatabaseValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E attribute) {
        return attribute == null ? null : attribute.databaseValue();
    }

    @Override
    public E convertToEntityAttribute(String dbData) {
        return dbData == null ? null : DatabaseValue.fromDatabaseValue(type, dbData);
    }
}
