package com.finagent.application.chat;

import com.finagent.application.database.UserConnections;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * LangChain4j's conversation memory in PostgreSQL ({@code chat_memories}, one row per user and assistant, the
 * messages in LangChain4j's own JSON). The memory id is {@code <user id>:<assistant>}; every statement runs as that
 * user under row-level security, in its own local transaction (callers hold no container transaction).
 */
public final class DatabaseChatMemoryStore implements ChatMemoryStore {

    private final DataSource dataSource;

    public DatabaseChatMemoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String memoryId(UUID userId, String assistantType) {
        return userId + ":" + assistantType;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        Key key = Key.of(memoryId);
        return inTransaction(key, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT messages FROM chat_memories WHERE user_id = ? AND assistant_type = ?")) {
                select.setObject(1, key.userId());
                select.setString(2, key.assistantType());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? ChatMessageDeserializer.messagesFromJson(row.getString(1)) : List.of();
                }
            }
        });
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        Key key = Key.of(memoryId);
        inTransaction(key, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO chat_memories (user_id,"
                    + " assistant_type, messages, updated_at) VALUES (?, ?, CAST(? AS JSONB), NOW())"
                    + " ON CONFLICT (user_id, assistant_type) DO UPDATE SET messages = EXCLUDED.messages,"
                    + " updated_at = NOW()")) {
                upsert.setObject(1, key.userId());
                upsert.setString(2, key.assistantType());
                upsert.setString(3, ChatMessageSerializer.messagesToJson(messages));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deleteMessages(Object memoryId) {
        Key key = Key.of(memoryId);
        inTransaction(key, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM chat_memories WHERE user_id = ? AND assistant_type = ?")) {
                delete.setObject(1, key.userId());
                delete.setString(2, key.assistantType());
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets every conversation of a user. */
    public void deleteAll(UUID userId) {
        inTransaction(new Key(userId, ""), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chat_memories WHERE user_id = ?")) {
                delete.setObject(1, userId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private record Key(UUID userId, String assistantType) {
        static Key of(Object memoryId) {
            String text = String.valueOf(memoryId);
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("memory id must be <user id>:<assistant>, not " + text);
            }
            return new Key(UUID.fromString(text.substring(0, colon)), text.substring(colon + 1));
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Key key, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                UserConnections.actAs(connection, key.userId());
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Conversation memory storage failed", e);
        }
    }
}
