package com.finagent.web.debate;

import com.finagent.application.debate.DebateEvents;
import com.finagent.application.debate.DebateService;
import com.finagent.application.error.FinAgentException;
import com.finagent.web.auth.HandshakeAuthentication;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A debate as it happens: {@code /ws/debates/{id}?access_token=<token>}. On connecting, the steps recorded so far
 * ({@code {"type": "execution", ...}} each), then every step and agent call as it starts and finishes, and
 * finally {@code {"type": "debate", "status": "completed" | "failed", ...}}. Only the debate's owner may watch.
 * The events come over the user-events topic, so the debate may run on any instance of the cluster.
 */
@ServerEndpoint(value = "/ws/debates/{id}", configurator = HandshakeAuthentication.class)
public class DebateStreamEndpoint {

    private static final String WATCHER = "finagent.debate.watcher";
    private static final String USER = "finagent.debate.user";

    @Inject
    DebateEvents events;

    @EJB
    DebateService debates;

    @OnOpen
    public void open(Session session, @PathParam("id") String rawId) throws IOException {
        Optional<UUID> user = HandshakeAuthentication.userOrClose(session);
        if (user.isEmpty()) {
            return;
        }
        UUID debateId;
        try {
            debateId = UUID.fromString(rawId);
            debates.get(user.get(), debateId);
        } catch (IllegalArgumentException | FinAgentException notYours) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "No such debate"));
            return;
        }
        // Watch first, then replay what is recorded: an event may come twice, never not at all.
        Consumer<String> watcher = message -> {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(message);
            }
        };
        session.getUserProperties().put(WATCHER, watcher);
        session.getUserProperties().put(USER, user.get());
        events.watch(user.get(), debateId, watcher);
        for (var execution : debates.executions(user.get(), debateId)) {
            watcher.accept(Json.createObjectBuilder().add("type", "execution")
                    .addAll(Json.createObjectBuilder(DebateViews.of(execution))).build()
                    .toString());
        }
        var debate = debates.get(user.get(), debateId);
        if (!debate.status().equals("pending") && !debate.status().equals("running")) {
            watcher.accept(Json.createObjectBuilder().add("type", "debate")
                    .addAll(Json.createObjectBuilder(DebateViews.of(debate))).build()
                    .toString());
        }
    }

    @OnClose
    public void close(Session session, @PathParam("id") String rawId) {
        unwatch(session, rawId);
    }

    @OnError
    public void failed(Session session, @PathParam("id") String rawId, Throwable error) {
        unwatch(session, rawId);
    }

    @SuppressWarnings("unchecked")
    private void unwatch(Session session, String rawId) {
        Object watcher = session.getUserProperties().get(WATCHER);
        if (watcher != null && session.getUserProperties().get(USER) instanceof UUID userId) {
            events.unwatch(userId, UUID.fromString(rawId), (Consumer<String>) watcher);
        }
    }
}
