package com.finagent.application.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Queued jobs (debates, backtests) that no instance runs any more, in a table with {@code id}, {@code user_id},
 * {@code status} ('pending', 'running', …), {@code heartbeat_at}, {@code error_message} and {@code completed_at}:
 * running without a recent heartbeat (its instance stopped), or pending for too long (no instance took it). Finding
 * them is the one read across users, under the table's {@code app.scheduler} policy of row-level security; ending
 * one is conditional and as its owner, so of several instances' watchdogs one ends each job.
 */
public final class AbandonedJobs {

    /** A job that looks abandoned: whose, which, and whether it was never started. */
    public record Abandoned(UUID userId, UUID id, boolean pending) {
    }

    private final String table;

    /** @param table the job table, a name of ours (never user input) */
    public AbandonedJobs(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.table = table;
    }

    /** Jobs of every user silent for {@code staleAfter} while running, or pending for {@code pendingTimeout}. */
    public List<Abandoned> find(DataSource dataSource, Duration staleAfter, Duration pendingTimeout) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement scheduler = connection.prepareStatement(
                    "SELECT set_config('app.scheduler', 'on', true)")) {
                scheduler.executeQuery().close();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT user_id, id, status FROM " + table
                    + " WHERE (status = 'running' AND heartbeat_at < NOW() - make_interval(secs => ?))"
                    + " OR (status = 'pending' AND heartbeat_at < NOW() - make_interval(secs => ?))"
                    + " ORDER BY heartbeat_at LIMIT 100")) {
                select.setDouble(1, staleAfter.toSeconds());
                select.setDouble(2, pendingTimeout.toSeconds());
                List<Abandoned> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Abandoned(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                "pending".equals(rows.getString(3))));
                    }
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Looking for abandoned jobs in " + table + " failed", e);
        }
    }

    /**
     * Ends an abandoned job as failed with {@code reason}, if it is still as {@link #find} found it (in the same
     * state and silent for {@code silentFor}); false when another instance ended it first or it moved on.
     */
    public boolean fail(DataSource dataSource, Abandoned job, String reason, Duration silentFor) {
        return UserConnections.asUser(dataSource, job.userId(), "Ending an abandoned job", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET status = 'failed',"
                    + " error_message = ?, completed_at = NOW() WHERE id = ? AND user_id = ? AND status = ?"
                    + " AND heartbeat_at < NOW() - make_interval(secs => ?)")) {
                update.setString(1, reason);
                update.setObject(2, job.id());
                update.setObject(3, job.userId());
                update.setString(4, job.pending() ? "pending" : "running");
                update.setDouble(5, silentFor.toSeconds());
                return update.executeUpdate() == 1;
            }
        });
    }
}
