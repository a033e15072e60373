package com.finagent.persistence.plaid;

import com.finagent.persistence.support.DatabaseValue;
import com.finagent.persistence.support.DatabaseValueConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Plaid's top-level account types that Fin Agent stores. */
public enum PlaidAccountType implements DatabaseValue {
    DEPOSITORY("depository"), INVESTMENT("investment"), LOAN("loan"), CREDIT("credit");

    private final String databaseValue;

    PlaidAccountType(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    @Override
    public String databaseValue() {
        return databaseValue;
    }

    @Converter
    public static class JpaConverter extends DatabaseValueConverter<PlaidAccountType>
            implements AttributeConverter<PlaidAccountType, String> {
        public JpaConverter() {
            super(PlaidAccountType.class);
        }
    }
}
