package com.finagent.application.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Plain JDBC as one user, for the bulk and streaming work that JPA does not fit (syncs, debate events, memory):
 * a connection of the application's data source with {@code app.user_id} set for the current transaction, as
 * {@link RowLevelSecurity} does for JPA. The caller's container transaction (or the statement's own, without
 * one) bounds the setting.
 */
public final class UserConnections {

    /** Work on a connection that may throw {@link SQLException}. */
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private UserConnections() {
    }

    /** Runs {@code work} on a connection acting as {@code userId}; SQL failures become unchecked. */
    public static <T> T asUser(DataSource dataSource, UUID userId, String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            actAs(connection, userId);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    /** Sets {@code app.user_id} on {@code connection} for its current transaction. */
    public static void actAs(Connection connection, UUID userId) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
            set.setString(1, userId.toString());
            set.executeQuery().close();
        }
    }
}
