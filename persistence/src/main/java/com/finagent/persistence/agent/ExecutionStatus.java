package com.finagent.persistence.agent;

import com.finagent.persistence.support.DatabaseValue;
import com.finagent.persistence.support.DatabaseValueConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Life cycle of one agent call or workflow step. */
public enum ExecutionStatus implements DatabaseValue {
    PENDING("pending"), RUNNING("running"), COMPLETED("completed"), FAILED("failed");

    private final String databaseValue;

    ExecutionStatus(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    @Override
    public String databaseValue() {
        return databaseValue;
    }

    @Converter
    public static class JpaConverter extends DatabaseValueConverter<ExecutionStatus>
            implements AttributeConverter<ExecutionStatus, String> {
        public JpaConverter() {
            super(ExecutionStatus.class);
        }
    }
}
