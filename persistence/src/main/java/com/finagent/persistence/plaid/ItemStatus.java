package com.finagent.persistence.plaid;

import com.finagent.persistence.support.DatabaseValue;
import com.finagent.persistence.support.DatabaseValueConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Health of a linked Plaid item. {@code ERROR} items need the user's attention (e.g. a new login). */
public enum ItemStatus implements DatabaseValue {
    ACTIVE("active"), INACTIVE("inactive"), ERROR("error");

    private final String databaseValue;

    ItemStatus(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    @Override
    public String databaseValue() {
        return databaseValue;
    }

    @Converter
    public static class JpaConverter extends DatabaseValueConverter<ItemStatus>
            implements AttributeConverter<ItemStatus, String> {
        public JpaConverter() {
            super(ItemStatus.class);
        }
    }
}
