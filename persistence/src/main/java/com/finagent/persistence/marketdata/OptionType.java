package com.finagent.persistence.marketdata;

import com.finagent.persistence.support.DatabaseValue;
import com.finagent.persistence.support.DatabaseValueConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Call or put. */
public enum OptionType implements DatabaseValue {
    CALL("call"), PUT("put");

    private final String databaseValue;

    OptionType(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    @Override
    public String databaseValue() {
        return databaseValue;
    }

    @Converter
    public static class JpaConverter extends DatabaseValueConverter<OptionType>
            implements AttributeConverter<OptionType, String> {
        public JpaConverter() {
            super(OptionType.class);
        }
    }
}
