package com.finagent.persistence.chat;

import com.finagent.persistence.support.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's conversation with one assistant: the messages LangChain4j's chat memory keeps, in its own JSON
 * serialisation, one row per user and assistant.
 */
@Entity
@Table(name = "chat_memories")
@IdClass(Conversation.Key.class)
public class Conversation {

    @Id
    @NotNull
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Id
    @NotBlank
    @Column(name = "assistant_type", nullable = false, updatable = false)
    private String assistantType;

    @NotNull
    @Column(nullable = false, columnDefinition = "JSONB")
    private String messages;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Conversation() {
    }

    public Conversation(UUID userId, String assistantType, String messagesJson) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.assistantType = Objects.requireNonNull(assistantType, "assistantType");
        this.messages = Objects.requireNonNull(messagesJson, "messagesJson");
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Timestamps.now();
    }

    public UUID getUserId() {
        return userId;
    }

    public String getAssistantType() {
        return assistantType;
    }

    /** The messages as LangChain4j's {@code ChatMessageSerializer} wrote them. */
    public String getMessages() {
        return messages;
    }

    public void setMessages(String messagesJson) {
        this.messages = Objects.requireNonNull(messagesJson, "messagesJson");
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** The primary key: one conversation per user and assistant. */
    public static class Key implements Serializable {
        private UUID userId;
        private String assistantType;

        public Key() {
        }

        public Key(UUID userId, String assistantType) {
            this.userId = userId;
            this.assistantType = assistantType;
        }

        public UUID getUserId() {
            return userId;
        }

        public String getAssistantType() {
            return assistantType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId)
                    && Objects.equals(assistantType, key.assistantType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, assistantType);
        }
    }
}
