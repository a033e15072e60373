package com.finagent.application.debate;

import com.finagent.application.cluster.ServerInstance;
import com.finagent.application.database.AbandonedJobs;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.JdbcValues;
import com.finagent.application.database.UserConnections;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A debate and its execution graph in the database. Each step event is written in its own short transaction,
 * so {@code GET /executions} and a reconnecting socket see a running debate's progress at once (reads need a
 * transaction too: the user setting of row-level security is transaction-local). Owner-scoped:
 * every statement runs as the debate's user under row-level security and names the user.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DebateStore {

    private static final AbandonedJobs ABANDONED = new AbandonedJobs("debates");

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** A debate as stored; {@code outcome} and {@code replay} are JSON. */
    public record DebateRow(UUID id, String query, String assistantType, List<String> symbols, String status,
                            boolean budgetLimited, String model, long seed, String outcome, Integer tokensUsed,
                            String error, OffsetDateTime createdAt, OffsetDateTime completedAt) {
    }

    /** One execution with the ids it depends on; {@code result} is JSON. */
    public record ExecutionRow(UUID id, String step, String agentName, String status, String model, Integer tokens,
                               String result, String error, Integer executionTimeMs, OffsetDateTime createdAt,
                               OffsetDateTime completedAt, List<UUID> dependsOn) {
    }

    /** What an execution event writes. */
    public record ExecutionEvent(UUID id, String step, String agentName, String status, String model, Integer tokens,
                                 String resultJson, String error, Long durationMs, Instant startedAt,
                                 Instant finishedAt, List<UUID> dependsOn) {
    }

    public void create(UUID userId, UUID debateId, String query, String assistantType, List<String> symbols, long seed) {
        execute(userId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO debates (id, user_id, query,"
                    + " assistant_type, symbols, seed) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, debateId);
                insert.setObject(2, userId);
                insert.setString(3, query);
                insert.setString(4, assistantType);
                insert.setArray(5, connection.createArrayOf("text", symbols.toArray()));
                insert.setLong(6, seed);
                insert.executeUpdate();
            }
        });
    }

    /** Records a debate a backtest ran "as of" one of its rebalance days; the user's debate list leaves it out. */
    public void createForBacktest(UUID userId, UUID backtestId, UUID debateId, String query, String assistantType,
                                  List<String> symbols, long seed) {
        execute(userId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO debates (id, user_id, query,"
                    + " assistant_type, symbols, seed, backtest_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')")) {
                insert.setObject(1, debateId);
                insert.setObject(2, userId);
                insert.setString(3, query);
                insert.setString(4, assistantType);
                insert.setArray(5, connection.createArrayOf("text", symbols.toArray()));
                insert.setLong(6, seed);
                insert.setObject(7, backtestId);
                insert.executeUpdate();
            }
        });
    }

    /**
     * Takes a pending debate to run it here: true for the one caller that moved it from pending to running, false
     * when it was already taken, ended, or gone.
     */
    public boolean claim(UUID userId, UUID debateId) {
        return query(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE debates SET status = 'running',"
                    + " heartbeat_at = NOW(), runner = ? WHERE id = ? AND user_id = ? AND status = 'pending'")) {
                update.setString(1, ServerInstance.NAME);
                update.setObject(2, debateId);
                update.setObject(3, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Notes that the instance running the debate is alive. */
    public void heartbeat(UUID userId, UUID debateId) {
        update(userId, debateId, "UPDATE debates SET heartbeat_at = NOW() WHERE id = ? AND user_id = ?"
                + " AND status = 'running'");
    }

    /** Ends a debate that has not finished as failed with {@code reason}; false if it had already ended. */
    public boolean fail(UUID userId, UUID debateId, String reason) {
        return query(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE debates SET status = 'failed',"
                    + " error_message = ?, completed_at = NOW() WHERE id = ? AND user_id = ?"
                    + " AND status IN ('pending', 'running')")) {
                update.setString(1, reason);
                update.setObject(2, debateId);
                update.setObject(3, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Debates of every user that no instance runs any more: running without a recent heartbeat, or pending for too
     * long (V10's scheduler policy lets this one read across users).
     */
    public List<AbandonedJobs.Abandoned> abandoned(Duration staleAfter, Duration pendingTimeout) {
        return ABANDONED.find(dataSource, staleAfter, pendingTimeout);
    }

    /** Ends an abandoned debate as failed with {@code reason}, if it is still as {@link #abandoned} found it. */
    public boolean failAbandoned(AbandonedJobs.Abandoned debate, String reason, Duration silentFor) {
        return ABANDONED.fail(dataSource, debate, reason, silentFor);
    }

    /** Writes an execution as it starts or finishes (an upsert: a finish may arrive for a start never written). */
    public void record(UUID userId, UUID debateId, String query, String assistantType, ExecutionEvent event) {
        execute(userId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO agent_executions (id, user_id,"
                    + " query, agent_name, assistant_type, status, result, error_message, execution_time_ms,"
                    + " created_at, completed_at, debate_id, step, model, tokens)"
                    + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, result = EXCLUDED.result,"
                    + " error_message = EXCLUDED.error_message, execution_time_ms = EXCLUDED.execution_time_ms,"
                    + " completed_at = EXCLUDED.completed_at, model = COALESCE(EXCLUDED.model, agent_executions.model),"
                    + " tokens = EXCLUDED.tokens")) {
                upsert.setObject(1, event.id());
                upsert.setObject(2, userId);
                upsert.setString(3, query);
                upsert.setString(4, event.agentName());
                upsert.setString(5, assistantType);
                upsert.setString(6, event.status());
                JdbcValues.setNullable(upsert, 7, event.resultJson());
                JdbcValues.setNullable(upsert, 8, event.error());
                if (event.durationMs() == null) {
                    upsert.setNull(9, Types.INTEGER);
                } else {
                    upsert.setInt(9, (int) Math.min(Integer.MAX_VALUE, event.durationMs()));
                }
                upsert.setTimestamp(10, Timestamp.from(event.startedAt()));
                upsert.setTimestamp(11, event.finishedAt() == null ? null : Timestamp.from(event.finishedAt()));
                upsert.setObject(12, debateId);
                upsert.setString(13, event.step());
                JdbcValues.setNullable(upsert, 14, event.model());
                if (event.tokens() == null) {
                    upsert.setNull(15, Types.INTEGER);
                } else {
                    upsert.setInt(15, event.tokens());
                }
                upsert.executeUpdate();
            }
            if (!event.dependsOn().isEmpty()) {
                try (PreparedStatement link = connection.prepareStatement("INSERT INTO agent_dependencies (execution_id,"
                        + " depends_on_execution_id) SELECT ?, d FROM unnest(?) AS d"
                        + " WHERE EXISTS (SELECT 1 FROM agent_executions e WHERE e.id = d)"
                        + " ON CONFLICT (execution_id, depends_on_execution_id) DO NOTHING")) {
                    link.setObject(1, event.id());
                    link.setArray(2, connection.createArrayOf("uuid", event.dependsOn().toArray()));
                    link.executeUpdate();
                }
            }
        });
    }

    public void complete(UUID userId, UUID debateId, boolean failed, boolean budgetLimited, String model,
                         String replayJson, String outcomeJson, long tokens, String error) {
        execute(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE debates SET status = ?,"
                    + " budget_limited = ?, model = ?, replay = CAST(? AS JSONB), outcome = CAST(? AS JSONB),"
                    + " tokens_used = ?, error_message = ?, completed_at = NOW() WHERE id = ? AND user_id = ?")) {
                update.setString(1, failed ? "failed" : "completed");
                update.setBoolean(2, budgetLimited);
                JdbcValues.setNullable(update, 3, model);
                JdbcValues.setNullable(update, 4, replayJson);
                JdbcValues.setNullable(update, 5, outcomeJson);
                update.setInt(6, (int) Math.min(Integer.MAX_VALUE, tokens));
                JdbcValues.setNullable(update, 7, error);
                update.setObject(8, debateId);
                update.setObject(9, userId);
                update.executeUpdate();
            }
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<DebateRow> get(UUID userId, UUID debateId) {
        return query(userId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, query, assistant_type, symbols,"
                    + " status, budget_limited, model, seed, outcome, tokens_used, error_message, created_at,"
                    + " completed_at FROM debates WHERE id = ? AND user_id = ?")) {
                select.setObject(1, debateId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<DebateRow>empty();
                    }
                    Array symbols = row.getArray(4);
                    return Optional.of(new DebateRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            List.of((String[]) symbols.getArray()), row.getString(5), row.getBoolean(6),
                            row.getString(7), row.getLong(8), row.getString(9), (Integer) row.getObject(10),
                            row.getString(11), JdbcValues.time(row, 12), JdbcValues.time(row, 13)));
                }
            }
        });
    }

    /** What replays a finished debate: the request as it ran and its transcript (JSON), if stored. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> replay(UUID userId, UUID debateId) {
        return query(userId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT replay FROM debates WHERE id = ? AND user_id = ?")) {
                select.setObject(1, debateId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<DebateRow> list(UUID userId, int limit) {
        return query(userId, connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM debates WHERE user_id = ? AND backtest_id IS NULL ORDER BY created_at DESC LIMIT ?")) {
                select.setObject(1, userId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return ids.stream().map(id -> get(userId, id).orElseThrow()).toList();
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<ExecutionRow> executions(UUID userId, UUID debateId) {
        return query(userId, connection -> {
            List<ExecutionRow> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT e.id, e.step, e.agent_name, e.status,"
                    + " e.model, e.tokens, e.result, e.error_message, e.execution_time_ms, e.created_at, e.completed_at,"
                    + " ARRAY(SELECT d.depends_on_execution_id FROM agent_dependencies d WHERE d.execution_id = e.id)"
                    + " FROM agent_executions e WHERE e.debate_id = ? AND e.user_id = ? ORDER BY e.created_at, e.id")) {
                select.setObject(1, debateId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        List<UUID> dependsOn = new ArrayList<>();
                        for (Object id : (Object[]) row.getArray(12).getArray()) {
                            dependsOn.add((UUID) id);
                        }
                        rows.add(new ExecutionRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), (Integer) row.getObject(6), row.getString(7),
                                row.getString(8), (Integer) row.getObject(9), JdbcValues.time(row, 10), JdbcValues.time(row, 11), dependsOn));
                    }
                }
            }
            return rows;
        });
    }

    private int update(UUID userId, UUID debateId, String sql) {
        return query(userId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, debateId);
                update.setObject(2, userId);
                return update.executeUpdate();
            }
        });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void execute(UUID userId, Work work) {
        query(userId, connection -> {
            work.run(connection);
            return null;
        });
    }

    private <T> T query(UUID userId, UserConnections.SqlWork<T> read) {
        return UserConnections.asUser(dataSource, userId, "Debate storage", read);
    }
}
