package com.finagent.application.backtest;

import com.finagent.application.database.AbandonedJobs;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.JdbcValues;
import com.finagent.application.database.UserConnections;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Backtests in the database. Each change is its own short transaction, so progress is visible while the backtest
 * runs; every statement runs as the owner under row-level security and names the owner. State changes are
 * conditional (a cancelled backtest stays cancelled; a backtest is claimed once), so two instances, or a cancel
 * racing the last debate, cannot both win.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BacktestStore {

    private static final AbandonedJobs ABANDONED = new AbandonedJobs("backtests");

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** A backtest as stored; {@code request} and {@code result} are JSON. */
    public record BacktestRow(UUID id, String status, String request, long seed, UUID replayOf, int debatesDone,
                              int debatesTotal, long tokensUsed, String result, String error,
                              OffsetDateTime createdAt, OffsetDateTime completedAt) {
    }

    public void create(UUID userId, UUID id, String requestJson, long seed, UUID replayOf, int total) {
        query(userId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO backtests (id, user_id, request,"
                    + " seed, replay_of, debates_total) VALUES (?, ?, CAST(? AS JSONB), ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, userId);
                insert.setString(3, requestJson);
                insert.setLong(4, seed);
                insert.setObject(5, replayOf);
                insert.setInt(6, total);
                return insert.executeUpdate();
            }
        });
    }

    /** Takes a pending backtest to run it here: true for the one caller that moved it to running. */
    public boolean claim(UUID userId, UUID id) {
        return update(userId, id, "UPDATE backtests SET status = 'running', heartbeat_at = NOW()"
                + " WHERE id = ? AND user_id = ? AND status = 'pending'") == 1;
    }

    /** Records progress; false when the backtest is no longer running (cancelled), so the runner stops. */
    public boolean progress(UUID userId, UUID id, int done, long tokens) {
        return query(userId, connection -> {
            // Two debates finishing together may write their counts in either order: a count never goes back.
            try (PreparedStatement update = connection.prepareStatement("UPDATE backtests SET debates_done ="
                    + " GREATEST(debates_done, ?), tokens_used = GREATEST(tokens_used, ?), heartbeat_at = NOW()"
                    + " WHERE id = ? AND user_id = ? AND status = 'running'")) {
                update.setInt(1, done);
                update.setLong(2, tokens);
                update.setObject(3, id);
                update.setObject(4, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Notes that the instance running the backtest is alive. */
    public void heartbeat(UUID userId, UUID id) {
        update(userId, id, "UPDATE backtests SET heartbeat_at = NOW() WHERE id = ? AND user_id = ?"
                + " AND status = 'running'");
    }

    /** Backtests of every user that no instance runs any more (V13's scheduler policy lets this one read across). */
    public List<AbandonedJobs.Abandoned> abandoned(Duration staleAfter, Duration pendingTimeout) {
        return ABANDONED.find(dataSource, staleAfter, pendingTimeout);
    }

    /** Ends an abandoned backtest as failed, if it is still as {@link #abandoned} found it; false otherwise. */
    public boolean failAbandoned(AbandonedJobs.Abandoned backtest, String reason, Duration silentFor) {
        return ABANDONED.fail(dataSource, backtest, reason, silentFor);
    }

    /**
     * Ends a backtest that has not ended, with its result (what ran, for a cancelled one). A cancelled backtest
     * keeps its status.
     */
    public void end(UUID userId, UUID id, boolean failed, String resultJson, String error) {
        query(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE backtests SET status = CASE"
                    + " WHEN status = 'cancelled' THEN 'cancelled' WHEN ? THEN 'failed' ELSE 'completed' END,"
                    + " result = CAST(? AS JSONB), error_message = ?, completed_at = NOW()"
                    + " WHERE id = ? AND user_id = ? AND status IN ('pending', 'running', 'cancelled')"
                    + " AND completed_at IS NULL")) {
                update.setBoolean(1, failed);
                JdbcValues.setNullable(update, 2, resultJson);
                JdbcValues.setNullable(update, 3, error);
                update.setObject(4, id);
                update.setObject(5, userId);
                return update.executeUpdate();
            }
        });
    }

    /** Cancels a backtest that has not ended; false if it had. */
    public boolean cancel(UUID userId, UUID id) {
        return update(userId, id, "UPDATE backtests SET status = 'cancelled', completed_at = CASE WHEN status ="
                + " 'pending' THEN NOW() END WHERE id = ? AND user_id = ? AND status IN ('pending', 'running')") == 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<BacktestRow> get(UUID userId, UUID id) {
        List<BacktestRow> rows = select(userId, "WHERE id = ? AND user_id = ?", id, true, 1);
        return rows.stream().findFirst();
    }

    /** The owner's backtests, newest first, without their results. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<BacktestRow> list(UUID userId, int limit) {
        return select(userId, "WHERE user_id = ? ORDER BY created_at DESC", null, false, limit);
    }

    private List<BacktestRow> select(UUID userId, String where, UUID id, boolean withResult, int limit) {
        return query(userId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, status, request, seed, replay_of,"
                    + " debates_done, debates_total, tokens_used, " + (withResult ? "result" : "NULL")
                    + ", error_message, created_at, completed_at FROM backtests " + where + " LIMIT ?")) {
                int parameter = 1;
                if (id != null) {
                    select.setObject(parameter++, id);
                }
                select.setObject(parameter++, userId);
                select.setInt(parameter, limit);
                List<BacktestRow> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new BacktestRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                                row.getLong(4), row.getObject(5, UUID.class), row.getInt(6), row.getInt(7),
                                row.getLong(8), row.getString(9), row.getString(10), JdbcValues.time(row, 11), JdbcValues.time(row, 12)));
                    }
                }
                return rows;
            }
        });
    }

    private int update(UUID userId, UUID id, String sql) {
        return query(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, id);
                update.setObject(2, userId);
                return update.executeUpdate();
            }
        });
    }

    private <T> T query(UUID userId, UserConnections.SqlWork<T> work) {
        return UserConnections.asUser(dataSource, userId, "Backtest storage", work);
    }
}
