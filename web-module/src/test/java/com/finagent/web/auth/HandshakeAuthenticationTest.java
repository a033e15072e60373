package com.finagent.web.auth;

import com.finagent.application.user.BearerTokenVerifier;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HandshakeAuthenticationTest {

    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");

    /** Accepts the token "alice" only. */
    private static final class OneToken extends BearerTokenVerifier {
        @Override
        public Optional<UUID> verify(String token) {
            return "alice".equals(token) ? Optional.of(ALICE) : Optional.empty();
        }
    }

    private final HandshakeAuthentication configurator = new HandshakeAuthentication(OneToken::new);

    @Test
    void aValidTokenNamesTheSessionsUser() throws Exception {
        Map<String, Object> properties = handshake(Map.of("access_token", List.of("alice")));
        AtomicReference<CloseReason> closed = new AtomicReference<>();
        assertEquals(Optional.of(ALICE), HandshakeAuthentication.userOrClose(session(properties, closed)));
        assertNull(closed.get(), "the socket stays open");
    }

    @Test
    void aMissingOrForgedTokenClosesTheSocketAsAPolicyViolation() throws Exception {
        for (Map<String, List<String>> query : List.of(Map.<String, List<String>>of(),
                Map.of("access_token", List.<String>of()), Map.of("access_token", List.of("forged")))) {
            AtomicReference<CloseReason> closed = new AtomicReference<>();
            assertEquals(Optional.empty(), HandshakeAuthentication.userOrClose(session(handshake(query), closed)));
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, closed.get().getCloseCode(), query::toString);
        }
    }

    @Test
    void aRefusedTokenLeavesNoUserOfAnEarlierHandshakeInTheProperties() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/ws/test")
                .configurator(configurator).build();
        configurator.modifyHandshake(config, request(Map.of("access_token", List.of("alice"))), null);
        configurator.modifyHandshake(config, request(Map.of("access_token", List.of("forged"))), null);
        AtomicReference<CloseReason> closed = new AtomicReference<>();
        assertEquals(Optional.empty(), HandshakeAuthentication.userOrClose(session(config.getUserProperties(), closed)));
    }

    private Map<String, Object> handshake(Map<String, List<String>> query) {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/ws/test")
                .configurator(configurator).build();
        configurator.modifyHandshake(config, request(query), null);
        return new HashMap<>(config.getUserProperties());
    }

    private static HandshakeRequest request(Map<String, List<String>> query) {
        return (HandshakeRequest) Proxy.newProxyInstance(HandshakeRequest.class.getClassLoader(),
                new Class<?>[]{HandshakeRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameterMap" -> query;
                    case "getHeaders" -> Map.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Session session(Map<String, Object> properties, AtomicReference<CloseReason> closed) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "close" -> {
                        closed.set((CloseReason) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
