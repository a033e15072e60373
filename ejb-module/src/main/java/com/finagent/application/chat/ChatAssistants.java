package com.finagent.application.chat;

import com.finagent.agents.chat.ChatAssistant;
import com.finagent.application.model.LanguageModels;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one chat assistant of the application: it orders two turns of the same conversation one after the other,
 * which only holds within one instance.
 */
@ApplicationScoped
public class ChatAssistants {

    @EJB
    ConversationMemory store;

    @Inject
    LanguageModels models;

    private ChatAssistant assistant;

    @PostConstruct
    void create() {
        assistant = new ChatAssistant(models.catalog(), store);
    }

    ChatAssistant assistant() {
        return assistant;
    }

    ConversationMemory store() {
        return store;
    }
}
