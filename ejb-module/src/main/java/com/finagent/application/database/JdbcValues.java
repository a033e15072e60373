package com.finagent.application.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The two conversions the JDBC stores share: a text parameter that may be null, and a timestamp read as UTC. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** Sets {@code value}, or SQL NULL when it is null (setString with null is not portable across drivers). */
    public static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** The column's instant with a UTC offset, or null. */
    public static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
    }
}
