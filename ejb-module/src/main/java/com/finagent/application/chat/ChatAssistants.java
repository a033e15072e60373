package com.finagent.application.chat;

import com.finagent.agents.chat.ChatAssistant;
import com.finagent.application.agent.LanguageModels;
import com.finagent.application.database.ApplicationDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * The one chat assistant of the application: it orders two turns of the same conversation one after the other,
 * which only holds within one instance.
 */
@ApplicationScoped
public class ChatAssistants {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    LanguageModels models;

    private ChatAssistant assistant;
    private DatabaseChatMemoryStore store;

    @PostConstruct
    void create() {
        store = new DatabaseChatMemoryStore(dataSource);
        assistant = new ChatAssistant(models.catalog(), store);
    }

    ChatAssistant assistant() {
        return assistant;
    }

    DatabaseChatMemoryStore store() {
        return store;
    }
}
