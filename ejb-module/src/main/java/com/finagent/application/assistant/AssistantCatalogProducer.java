package com.finagent.application.assistant;

import com.finagent.agents.profile.AssistantCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the assistant catalogue, read once from configuration, injectable. */
@ApplicationScoped
public class AssistantCatalogProducer {

    private final AssistantCatalog catalog = AssistantCatalog.load();

    @Produces
    public AssistantCatalog catalog() {
        return catalog;
    }
}
