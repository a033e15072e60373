package com.finagent.web.portfolio;

import com.finagent.web.auth.HandshakeAuthentication;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's portfolio updates: {@code /ws/portfolio?access_token=<token>}. Receives
 * {@code {"type": "sync", ...}} when one of the user's linked items was synced,
 * {@code {"type": "portfolio", "portfolioId", "marketValue", "unrealizedPnl", "dayChange", "asOf"}} for each
 * portfolio whose value changed (after a sync, or as prices move), and {@code {"type": "alert", "id", "symbol",
 * "previousRating", "rating", "debateId", "message"}} when a debate changed the rating of a held symbol. Only the
 * owner's own.
 */
@ServerEndpoint(value = "/ws/portfolio", configurator = HandshakeAuthentication.class)
public class PortfolioStreamEndpoint {

    @Inject
    PortfolioUpdates updates;

    @OnOpen
    public void open(Session session) throws IOException {
        Optional<UUID> user = HandshakeAuthentication.userOrClose(session);
        if (user.isEmpty()) {
            return;
        }
        updates.open(user.get(), session);
    }

    @OnClose
    public void close(Session session) {
        updates.close(session);
    }

    @OnError
    public void failed(Session session, Throwable error) {
        updates.close(session);
    }
}
