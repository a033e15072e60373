package com.finagent.web.socket;

import com.finagent.web.auth.HandshakeAuthentication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticated echo: the base that streaming endpoints build on. Connect to
 * {@code /ws/echo?access_token=<token>}; each {@code {"type": ..., "payload": ...}} message comes back as
 * {@code {"type": "echo", "payload": {"receivedType": ..., "payload": ..., "user": ...}}}.
 * A missing or invalid token closes the socket with code 1008 (policy violation).
 */
@ServerEndpoint(value = "/ws/echo", configurator = HandshakeAuthentication.class)
public class EchoEndpoint {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String USER = "finagent.user";

    @OnOpen
    public void open(Session session) throws IOException {
        Optional<UUID> user = HandshakeAuthentication.userOrClose(session);
        if (user.isEmpty()) {
            return;
        }
        session.getUserProperties().put(USER, user.get().toString());
        send(session, new SocketMessage("welcome", Json.createObjectBuilder()
                .add("user", user.get().toString()).build()));
    }

    @OnMessage
    public void message(String text, Session session) throws IOException {
        SocketMessage received;
        try {
            received = JSONB.fromJson(text, SocketMessage.class);
        } catch (JsonbException malformed) {
            received = null;
        }
        if (received == null || received.type() == null || received.type().isBlank()) {
            send(session, new SocketMessage("error", Json.createObjectBuilder()
                    .add("detail", "Send JSON of the form {\"type\": \"...\", \"payload\": ...}").build()));
            return;
        }
        JsonObject echo = Json.createObjectBuilder()
                .add("receivedType", received.type())
                .add("payload", received.payload() == null ? JsonValue.NULL : received.payload())
                .add("user", (String) session.getUserProperties().get(USER))
                .build();
        send(session, new SocketMessage("echo", echo));
    }

    private static void send(Session session, SocketMessage message) throws IOException {
        session.getBasicRemote().sendText(JSONB.toJson(message));
    }
}
