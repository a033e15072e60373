package com.finagent.web.market;

import com.finagent.web.auth.HandshakeAuthentication;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Live quotes: {@code /ws/market?access_token=<token>}. Send {@code {"type": "subscribe", "symbols": ["AAPL"]}}
 * or {@code "unsubscribe"}; receive {@code {"type": "subscribed", "symbols": [...]}} and then, once per interval,
 * {@code {"type": "ticks", "t": epochMillis, "q": [["AAPL", 172.51], ...]}} with the latest price of each
 * subscribed symbol, only yours.
 */
@ServerEndpoint(value = "/ws/market", configurator = HandshakeAuthentication.class)
public class MarketStreamEndpoint {

    private static final int MAX_SYMBOLS = 50;
    /** Looked up once: {@code Json.createXxx} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    MarketSubscriptions subscriptions;

    @OnOpen
    public void open(Session session) throws IOException {
        if (HandshakeAuthentication.userOrClose(session).isEmpty()) {
            return;
        }
        subscriptions.open(session);
    }

    @OnMessage
    public void message(String text, Session session) {
        JsonObject request;
        try {
            request = JSON.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException malformed) {
            error(session, "Send {\"type\": \"subscribe\" | \"unsubscribe\", \"symbols\": [\"AAPL\", ...]}");
            return;
        }
        String type = request.getString("type", "");
        Set<String> symbols = symbols(request.get("symbols"));
        if (symbols == null || !(type.equals("subscribe") || type.equals("unsubscribe"))) {
            error(session, "Send {\"type\": \"subscribe\" | \"unsubscribe\", \"symbols\": [\"AAPL\", ...]} with 1 to "
                    + MAX_SYMBOLS + " symbols");
            return;
        }
        MarketSubscriptions.Listener listener = subscriptions.listener(session);
        if (listener == null) {
            return;
        }
        synchronized (listener) {
            Set<String> now = type.equals("subscribe") ? subscriptions.subscribe(session, symbols)
                    : subscriptions.unsubscribe(session, symbols);
            if (now.size() > MAX_SYMBOLS) {
                subscriptions.unsubscribe(session, symbols);
                error(session, "At most " + MAX_SYMBOLS + " symbols per connection");
                return;
            }
            JsonArrayBuilder list = JSON.createArrayBuilder();
            new TreeSet<>(now).forEach(list::add);
            session.getAsyncRemote().sendText(JSON.createObjectBuilder().add("type", "subscribed")
                    .add("symbols", list).build().toString());
        }
    }

    @OnClose
    public void close(Session session) {
        subscriptions.close(session);
    }

    @OnError
    public void failed(Session session, Throwable error) {
        subscriptions.close(session);
    }

    private static Set<String> symbols(Object value) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_SYMBOLS) {
            return null;
        }
        Set<String> symbols = array.stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString().strip().toUpperCase(Locale.ROOT))
                .filter(s -> s.matches("[A-Z0-9.\\-]{1,10}"))
                .collect(Collectors.toSet());
        return symbols.size() == array.size() ? symbols : null;
    }

    private static void error(Session session, String detail) {
        session.getAsyncRemote().sendText(JSON.createObjectBuilder().add("type", "error").add("detail", detail)
                .build().toString());
    }
}
