package com.finagent.application.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Posts from StockTwits: each requested symbol's stream (or the trending stream), ranked here by the query. */
public final class StockTwitsClient implements RemoteFeed {

    public static final String SERVICE = "StockTwits";
    static final int MESSAGES = 30;

    private final StockTwitsApi api;

    public StockTwitsClient(StockTwitsApi api) {
        this.api = api;
    }

    @Override
    public List<SearchDocument> fetch(SearchRequest request) {
        List<SearchDocument> documents = new ArrayList<>();
        if (request.symbols().isEmpty()) {
            RemoteJson.call(SERVICE, () -> api.trending(MESSAGES)).ifPresent(answer -> documents.addAll(parse(answer)));
        }
        for (String symbol : request.symbols()) {
            RemoteJson.call(SERVICE, () -> api.symbol(symbol, MESSAGES)).ifPresent(answer -> documents.addAll(parse(answer)));
        }
        return documents;
    }

    static List<SearchDocument> parse(JsonObject answer) {
        JsonArray messages = answer.get("messages") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        List<SearchDocument> documents = new ArrayList<>(messages.size());
        for (JsonValue value : messages) {
            if (!(value instanceof JsonObject message) || !(message.get("id") instanceof JsonNumber id)) {
                continue;
            }
            JsonObject user = message.get("user") instanceof JsonObject u ? u : JsonValue.EMPTY_JSON_OBJECT;
            String username = user.getString("username", "");
            List<String> symbols = new ArrayList<>();
            if (message.get("symbols") instanceof JsonArray tagged) {
                for (JsonValue s : tagged) {
                    if (s instanceof JsonObject symbol && symbol.get("symbol") instanceof JsonString ticker) {
                        symbols.add(ticker.getString());
                    }
                }
            }
            String sentiment = "";
            if (message.get("entities") instanceof JsonObject entities && entities.get("sentiment") instanceof JsonObject s
                    && s.get("basic") instanceof JsonString basic) {
                sentiment = " (" + basic.getString().toLowerCase(Locale.ROOT) + ")";
            }
            String url = username.isEmpty() ? null : "https://stocktwits.com/" + username + "/message/" + id.longValue();
            documents.add(new SearchDocument("stocktwits-" + id.longValue(), SERVICE,
                    (username.isEmpty() ? "StockTwits post" : "@" + username + " on StockTwits") + sentiment,
                    Snippets.clean(message.getString("body", "")), null, url,
                    EdgarFilings.date(message.getString("created_at", "")), symbols, null, false));
        }
        return documents;
    }
}
