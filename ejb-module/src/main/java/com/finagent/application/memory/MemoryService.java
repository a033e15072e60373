package com.finagent.application.memory;

import com.finagent.agents.memory.Embedder;
import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.memory.MemoryRetriever;
import com.finagent.agents.memory.RankedMemory;
import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.UserConnections;
import com.finagent.application.embedding.Embeddings;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.model.LanguageModels;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user's long-term memory: facts and preferences extracted from what they say (by the configured language model,
 * or our rules offline), stored with an embedding in {@code user_memories}, and the most similar ones retrieved
 * into an assistant's context (risk tolerance and horizon always). Users see and erase it through the API.
 * <p>
 * Each vector is stored with its embedder's id. A memory whose vector another embedder made (the hashing embedder
 * before the model, or the fallback while the model could not load) is re-embedded and stored again when it is
 * next retrieved, so vectors of different embedders are never compared.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class MemoryService {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    Embeddings embeddings;

    @EJB
    AuditLog audit;

    @Inject
    LanguageModels models;

    /** A stored memory as the user sees it. */
    public record StoredMemory(UUID id, String kind, String content, OffsetDateTime createdAt) {
    }

    private record Row(StoredMemory stored, Memory memory, float[] embedding, String embedder) {
    }

    /** Extracts what {@code message} says about the user and keeps it; returns what was new. */
    public List<StoredMemory> learn(UUID userId, String message) {
        List<Memory> extracted = models.catalog().memoryExtractor("memory").extract(message);
        if (extracted.isEmpty()) {
            return List.of();
        }
        Embedder embedder = embeddings.embedder();
        return withUser(userId, connection -> {
            List<StoredMemory> added = new ArrayList<>();
            for (Memory memory : extracted) {
                if (memory.kind().singleValued()) {
                    // A new risk tolerance or horizon replaces the old one rather than contradicting it.
                    try (PreparedStatement replace = connection.prepareStatement(
                            "DELETE FROM user_memories WHERE user_id = ? AND kind = ? AND content <> ?")) {
                        replace.setObject(1, userId);
                        replace.setString(2, memory.kind().key());
                        replace.setString(3, memory.text());
                        replace.executeUpdate();
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_memories (user_id, kind,"
                        + " content, embedding, embedder) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, kind, content)"
                        + " DO NOTHING RETURNING id, created_at")) {
                    insert.setObject(1, userId);
                    insert.setString(2, memory.kind().key());
                    insert.setString(3, memory.text());
                    insert.setArray(4, connection.createArrayOf("real", boxed(embedder.embed(memory.text()))));
                    insert.setString(5, embedder.id());
                    try (ResultSet row = insert.executeQuery()) {
                        if (row.next()) {
                            added.add(new StoredMemory(row.getObject(1, UUID.class), memory.kind().key(), memory.text(),
                                    row.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC)));
                        }
                    }
                }
            }
            return added;
        });
    }

    public List<StoredMemory> list(UUID userId) {
        return withUser(userId, connection -> rows(connection, userId)).stream().map(Row::stored).toList();
    }

    /** The memories worth telling an assistant about {@code message}, as sentences. */
    public List<String> relevant(UUID userId, String message) {
        Embedder embedder = embeddings.embedder();
        List<Row> rows = withUser(userId, connection -> reembedded(connection, rows(connection, userId), embedder));
        return new MemoryRetriever(embedder).select(message, rows, Row::memory, Row::embedding,
                MemoryRetriever.DEFAULT_LIMIT).stream().map(RankedMemory::memory).map(Memory::text).toList();
    }

    public void forget(UUID userId, UUID memoryId) {
        int removed = withUser(userId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM user_memories WHERE id = ? AND user_id = ?")) {
                delete.setObject(1, memoryId);
                delete.setObject(2, userId);
                return delete.executeUpdate();
            }
        });
        if (removed == 0) {
            throw FinAgentException.notFound("Memory", memoryId);
        }
        audit.record(AuditEvent.byUser(userId, AuditActions.MEMORY_ERASED, Outcome.SUCCESS, memoryId.toString(),
                "one remembered fact or preference"));
    }

    public void forgetAll(UUID userId) {
        withUser(userId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_memories WHERE user_id = ?")) {
                delete.setObject(1, userId);
                return delete.executeUpdate();
            }
        });
        audit.record(AuditEvent.byUser(userId, AuditActions.MEMORY_ERASED, Outcome.SUCCESS, null,
                "every remembered fact and preference"));
    }

    private static List<Row> rows(Connection connection, UUID userId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, content, created_at, embedding,"
                + " embedder FROM user_memories WHERE user_id = ? ORDER BY created_at")) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String kind = row.getString(2);
                    StoredMemory stored = new StoredMemory(row.getObject(1, UUID.class), kind, row.getString(3),
                            row.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC));
                    rows.add(new Row(stored, Memory.of(MemoryKind.parse(kind), stored.content()),
                            floats(row.getArray(5)), row.getString(6)));
                }
            }
        }
        return rows;
    }

    /** The rows with every vector made by {@code embedder}: the others are embedded again and stored. */
    private static List<Row> reembedded(Connection connection, List<Row> rows, Embedder embedder) throws SQLException {
        List<Row> current = new ArrayList<>(rows.size());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE user_memories SET embedding = ?, embedder = ? WHERE id = ?")) {
            for (Row row : rows) {
                if (embedder.id().equals(row.embedder())) {
                    current.add(row);
                    continue;
                }
                float[] vector = embedder.embed(row.memory().text());
                update.setArray(1, connection.createArrayOf("real", boxed(vector)));
                update.setString(2, embedder.id());
                update.setObject(3, row.stored().id());
                update.addBatch();
                current.add(new Row(row.stored(), row.memory(), vector, embedder.id()));
            }
            update.executeBatch();
        }
        return current;
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static float[] floats(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = ((Number) values[i]).floatValue();
        }
        return floats;
    }

    private <T> T withUser(UUID userId, UserConnections.SqlWork<T> work) {
        return UserConnections.asUser(dataSource, userId, "Memory storage", work);
    }
}
