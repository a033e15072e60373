package com.finagent.persistence.support;

/** An enum stored in the database under a fixed lower-case code rather than its Java name. */
public interface DatabaseValue {

    String databaseValue();

    static <E extends Enum<E> & DatabaseValue> E fromDatabaseValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.databaseValue().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " value: " + value);
    }
}
