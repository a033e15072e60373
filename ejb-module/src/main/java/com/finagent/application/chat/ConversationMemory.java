package com.finagent.application.chat;

import com.finagent.application.database.RowLevelSecurity;
import com.finagent.persistence.chat.Conversation;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * LangChain4j's conversation memory on JPA: one {@link Conversation} per user and assistant. The memory id is
 * {@code <user id>:<assistant>}; each call is its own transaction as that user under row-level security, because
 * the chat assistant calling it holds no container transaction (a turn's model calls must not pin a connection).
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConversationMemory implements ChatMemoryStore {

    @PersistenceContext(unitName = "finagent")
    EntityManager entityManager;

    @Inject
    RowLevelSecurity rowLevelSecurity;

    public static String memoryId(UUID userId, String assistantType) {
        return userId + ":" + assistantType;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        Conversation conversation = find(key(memoryId));
        return conversation == null ? List.of() : ChatMessageDeserializer.messagesFromJson(conversation.getMessages());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        Conversation.Key key = key(memoryId);
        String json = ChatMessageSerializer.messagesToJson(messages);
        Conversation conversation = find(key);
        if (conversation == null) {
            entityManager.persist(new Conversation(key.getUserId(), key.getAssistantType(), json));
        } else {
            conversation.setMessages(json);
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        Conversation conversation = find(key(memoryId));
        if (conversation != null) {
            entityManager.remove(conversation);
        }
    }

    /** Forgets every conversation of a user. */
    public void deleteAll(UUID userId) {
        rowLevelSecurity.actAs(entityManager, userId);
        entityManager.createQuery("DELETE FROM Conversation c WHERE c.userId = :userId")
                .setParameter("userId", userId).executeUpdate();
    }

    private Conversation find(Conversation.Key key) {
        rowLevelSecurity.actAs(entityManager, key.getUserId());
        return entityManager.find(Conversation.class, key);
    }

    private static Conversation.Key key(Object memoryId) {
        String text = String.valueOf(memoryId);
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("memory id must be <user id>:<assistant>, not " + text);
        }
        return new Conversation.Key(UUID.fromString(text.substring(0, colon)), text.substring(colon + 1));
    }
}
