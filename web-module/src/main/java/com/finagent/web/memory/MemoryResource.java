package com.finagent.web.memory;

import com.finagent.application.chat.ChatService;
import com.finagent.application.memory.MemoryService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The user's own view of what the assistants remember about them, and the right to erase it. */
@Path("/memory")
@Authenticated
@Tag(name = "Chat and memory")
@SecurityRequirement(name = FinAgentApi.BEARER)
public class MemoryResource {

    @EJB
    MemoryService memory;

    @EJB
    ChatService chat;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the assistants remember about the caller: facts and preferences")
    public List<MemoryService.StoredMemory> memories() {
        return memory.list(currentUser.id());
    }

    @DELETE
    @Operation(summary = "Erase everything remembered about the caller: facts, preferences and conversations")
    @APIResponse(responseCode = "204", description = "Forgotten")
    public Response forgetAll() {
        memory.forgetAll(currentUser.id());
        chat.forgetConversations(currentUser.id());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase one remembered fact or preference")
    @APIResponse(responseCode = "204", description = "Forgotten")
    public Response forget(@PathParam("id") UUID id) {
        memory.forget(currentUser.id(), id);
        return Response.noContent().build();
    }
}
