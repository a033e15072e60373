package com.finagent.web.assistant;

import com.finagent.agents.profile.AssistantCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The assistant profiles a user can choose from. Public: the sign-in page shows them too. */
@Path("/assistants")
@Tag(name = "Assistants")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

    @Inject
    AssistantCatalog catalog;

    @GET
    @Operation(summary = "The six assistant profiles, in display order")
    public List<AssistantView> list() {
        return catalog.all().stream().map(AssistantView::of).toList();
    }
}
