package com.finagent.web.auth;

import com.finagent.application.user.BearerTokenVerifier;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The bearer-token check of every WebSocket endpoint, done once at the handshake: the token comes as the
 * {@code access_token} query parameter, because browsers cannot set headers on a WebSocket. Endpoints name this
 * class as their {@code configurator} and ask {@link #userOrClose(Session)} for the user when they open.
 */
public class HandshakeAuthentication extends ServerEndpointConfig.Configurator {

    public static final String TOKEN_PARAMETER = "access_token";
    private static final String USER = HandshakeAuthentication.class.getName() + ".user";

    private final Supplier<BearerTokenVerifier> tokens;

    /** The container creates configurators itself, so the verifier is looked up rather than injected. */
    public HandshakeAuthentication() {
        this(() -> CDI.current().select(BearerTokenVerifier.class).get());
    }

    HandshakeAuthentication(Supplier<BearerTokenVerifier> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> presented = request.getParameterMap().getOrDefault(TOKEN_PARAMETER, List.of());
        Optional<UUID> user = tokens.get().verify(presented.isEmpty() ? null : presented.get(0));
        // Since WebSocket 2.1 each handshake gets its own copy of these properties, which become the session's.
        if (user.isPresent()) {
            config.getUserProperties().put(USER, user.get());
        } else {
            config.getUserProperties().remove(USER);
        }
    }

    /**
     * The user whose token the handshake accepted. Without one, the session is closed as a policy violation (1008)
     * and the answer is empty: a refused handshake would reach a browser's WebSocket API without its reason, a close
     * code does.
     */
    public static Optional<UUID> userOrClose(Session session) throws IOException {
        if (session.getUserProperties().get(USER) instanceof UUID user) {
            return Optional.of(user);
        }
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "A valid access_token is required"));
        return Optional.empty();
    }
}
