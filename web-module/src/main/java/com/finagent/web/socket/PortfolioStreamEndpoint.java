package com.finagent.web.socket;

import com.finagent.application.security.BearerTokenVerifier;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's portfolio updates: {@code /ws/portfolio?access_token=<token>}. Receives
 * {@code {"type": "sync", ...}} when one of the user's linked items was synced, and
 * {@code {"type": "portfolio", "portfolioId", "marketValue", "unrealizedPnl", "dayChange", "asOf"}} for each
 * portfolio whose value changed (after a sync, or as prices move). Only the owner's own portfolios.
 */
@ServerEndpoint("/ws/portfolio")
public class PortfolioStreamEndpoint {

    @Inject
    BearerTokenVerifier tokens;

    @Inject
    PortfolioUpdates updates;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> presented = session.getRequestParameterMap().getOrDefault("access_token", List.of());
        Optional<UUID> user = tokens.verify(presented.isEmpty() ? null : presented.get(0));
        if (user.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "A valid access_token is required"));
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
