package com.finagent.web.chat;

import com.finagent.application.chat.ChatService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.problem.ProblemResponses;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Conversations with one assistant, remembered per user and assistant. */
@Path("/chat")
@Authenticated
@Tag(name = "Chat and memory")
@SecurityRequirement(name = FinAgentApi.BEARER)
public class ChatResource {

    @EJB
    ChatService chat;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProblemResponses problems;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask one assistant; the answer names its model, tools and evidence, and what was learned")
    public ChatAnswerView ask(@NotNull @Valid ChatRequest request) {
        return ChatAnswerView.of(chat.chat(currentUser.id(), request.getAssistantId(), request.getMessage(),
                request.getSymbols(), null));
    }

    @POST
    @Path("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "As POST /chat, the answer streamed as server-sent events: 'partial' text chunks as the model "
            + "writes them, then 'reply' (the whole answer as POST /chat returns it), or 'problem'")
    @APIResponse(responseCode = "200", description = "Events: partial (ChatPartialView), reply (ChatAnswerView), problem",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void stream(@NotNull @Valid ChatRequest request, @Context SseEventSink sink, @Context Sse sse) {
        UUID userId = currentUser.id();
        try (sink) {
            try {
                ChatService.Answer answer = chat.chat(userId, request.getAssistantId(), request.getMessage(),
                        request.getSymbols(), chunk -> sink.send(sse.newEventBuilder().name("partial")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(ChatPartialView.class, new ChatPartialView(chunk)).build()));
                sink.send(sse.newEventBuilder().name("reply").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(ChatAnswerView.class, ChatAnswerView.of(answer)).build());
            } catch (RuntimeException e) {
                // partials, and with them the status, may have gone out: a failure can only be told as an event
                if (!sink.isClosed()) {
                    Object problem = problems.of(e, "/api/v1/chat/stream").getEntity();
                    sink.send(sse.newEventBuilder().name("problem").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(problem.getClass(), problem).build());
                }
            }
        }
    }

    @GET
    @Path("/{assistantId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The conversation so far with one assistant (the caller's only)")
    public List<ChatMessageView> history(@PathParam("assistantId") String assistantId) {
        return chat.history(currentUser.id(), assistantId).stream()
                .filter(m -> m instanceof UserMessage || (m instanceof AiMessage ai && ai.text() != null))
                .map(ChatMessageView::of).toList();
    }
}
