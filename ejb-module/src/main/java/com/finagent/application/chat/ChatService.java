package com.finagent.application.chat;

import com.finagent.agents.chat.ChatReply;
import com.finagent.agents.chat.ChatTurn;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.audit.AuditActions;
import com.finagent.application.audit.AuditEvent;
import com.finagent.application.audit.AuditLog;
import com.finagent.application.audit.Outcome;
import com.finagent.application.debate.EvidenceSources;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.memory.MemoryService;
import com.finagent.application.tools.AgentToolsFactory;
import com.finagent.application.tools.ServiceAgentTools;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A conversation with one assistant: the user's message answered with the profile's tools over our services,
 * the conversation remembered per user and assistant (windowed by tokens), and the user's long-term memories
 * retrieved into the context and learned from the message.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatService {

    private static final Set<String> ASSISTANTS = Set.of("general", "analyst", "trader", "advisor", "riskManager",
            "economist");

    @Inject
    ChatAssistants assistants;

    @EJB
    MemoryService memories;

    @EJB
    AuditLog audit;

    @Inject
    EvidenceSources sources;

    @Inject
    AgentToolsFactory tools;

    /** The reply and what the assistant learned about the user from this message. */
    public record Answer(ChatReply reply, List<MemoryService.StoredMemory> learned) {
    }

    public Answer chat(UUID userId, String assistantType, String message, List<String> symbols,
                       Consumer<String> onPartial) {
        if (!ASSISTANTS.contains(assistantType)) {
            throw FinAgentException.invalidField("assistantId", "must be one of " + ASSISTANTS);
        }
        ChatTurn turn = new ChatTurn(ConversationMemory.memoryId(userId, assistantType), assistantType, message,
                symbols, tools.forUser(userId, this::search, sources::macroTool),
                memories.relevant(userId, message));
        ChatReply reply = onPartial == null ? assistants.assistant().chat(turn)
                : assistants.assistant().chat(turn, onPartial);
        return new Answer(reply, memories.learn(userId, message));
    }

    /** The conversation so far with one assistant, oldest first. */
    public List<dev.langchain4j.data.message.ChatMessage> history(UUID userId, String assistantType) {
        return assistants.store().getMessages(ConversationMemory.memoryId(userId, assistantType));
    }

    /** Forgets every conversation of the user. */
    public void forgetConversations(UUID userId) {
        assistants.store().deleteAll(userId);
        audit.record(AuditEvent.byUser(userId, AuditActions.MEMORY_ERASED, Outcome.SUCCESS, null,
                "every conversation"));
    }

    private ToolResult search(ServiceAgentTools.SearchQuery query) {
        return sources.searchTool(query);
    }
}
