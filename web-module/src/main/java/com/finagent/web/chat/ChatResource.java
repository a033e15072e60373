package com.finagent.web.chat;

import com.finagent.application.chat.ChatService;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import com.finagent.web.problem.ProblemResponses;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
    public JsonObject ask(@NotNull @Valid ChatRequest request) {
        return view(chat.chat(currentUser.id(), request.getAssistantId(), request.getMessage(),
                request.getSymbols(), null));
    }

    @POST
    @Path("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "As POST /chat, the answer streamed as server-sent events: 'partial' text chunks as the model "
            + "writes them, then 'reply' (the whole answer as POST /chat returns it), or 'problem'")
    public void stream(@NotNull @Valid ChatRequest request, @Context SseEventSink sink, @Context Sse sse) {
        UUID userId = currentUser.id();
        try (sink) {
            try {
                ChatService.Answer answer = chat.chat(userId, request.getAssistantId(), request.getMessage(),
                        request.getSymbols(), chunk -> sink.send(sse.newEventBuilder().name("partial")
                                .data(Json.createObjectBuilder().add("text", chunk).build().toString()).build()));
                sink.send(sse.newEventBuilder().name("reply").data(view(answer).toString()).build());
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
    public List<JsonObject> history(@PathParam("assistantId") String assistantId) {
        return chat.history(currentUser.id(), assistantId).stream()
                .filter(m -> m instanceof UserMessage || (m instanceof AiMessage ai && ai.text() != null))
                .map(ChatResource::message).toList();
    }

    private static JsonObject message(ChatMessage message) {
        return Json.createObjectBuilder().add("role", message instanceof UserMessage ? "user" : "assistant")
                .add("text", message instanceof UserMessage user ? user.singleText() : ((AiMessage) message).text())
                .build();
    }

    private static JsonObject view(ChatService.Answer answer) {
        var reply = answer.reply();
        JsonArrayBuilder tools = Json.createArrayBuilder();
        reply.toolCalls().forEach(call -> {
            var tool = Json.createObjectBuilder().add("tool", call.name()).add("arguments", String.valueOf(call.arguments()));
            tool.add("source", call.source() == null ? "" : call.source());
            if (call.error() != null) {
                tool.add("error", call.error());
            }
            tools.add(tool);
        });
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        reply.evidence().forEach(item -> {
            var cited = Json.createObjectBuilder().add("id", item.id()).add("source", String.valueOf(item.source()));
            if (item.metric() != null && item.value() != null) {
                cited.add("metric", item.metric()).add("value", item.value());
            }
            if (item.title() != null) {
                cited.add("title", item.title());
            }
            evidence.add(cited);
        });
        JsonArrayBuilder learned = Json.createArrayBuilder();
        answer.learned().forEach(m -> learned.add(Json.createObjectBuilder().add("id", m.id().toString())
                .add("kind", m.kind()).add("content", m.content())));
        return Json.createObjectBuilder().add("answer", reply.text()).add("model", reply.model())
                .add("tokens", reply.tokens().input() + reply.tokens().output()).add("toolCalls", tools)
                .add("evidence", evidence).add("learned", learned).build();
    }
}
