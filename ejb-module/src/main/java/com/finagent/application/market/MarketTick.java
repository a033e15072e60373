package com.finagent.application.market;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tick of the live feed: the moment it was priced and the price of every symbol wanted anywhere in the cluster,
 * null for a symbol no source knows. It travels as {@code {"t": epochMillis, "q": [["AAPL", 172.51], ...]}}.
 *
 * @param at     when it was priced, in epoch milliseconds
 * @param prices the price of each symbol, or null for an unknown symbol
 */
public record MarketTick(long at, Map<String, Double> prices) {

    /** Looked up once: each of {@code Json}'s factory methods searches the class path for a provider anew. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public MarketTick {
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    String toJson() {
        JsonArrayBuilder quotes = JSON.createArrayBuilder();
        prices.forEach((symbol, price) -> quotes.add(price == null
                ? JSON.createArrayBuilder().add(symbol).addNull()
                : JSON.createArrayBuilder().add(symbol).add(price)));
        return JSON.createObjectBuilder().add("t", at).add("q", quotes).build().toString();
    }

    static MarketTick fromJson(String json) {
        JsonObject tick = JSON.createReader(new StringReader(json)).readObject();
        Map<String, Double> prices = new LinkedHashMap<>();
        for (JsonArray quote : tick.getJsonArray("q").getValuesAs(JsonArray.class)) {
            JsonValue price = quote.get(1);
            prices.put(quote.getString(0), price instanceof JsonNumber number ? number.doubleValue() : null);
        }
        return new MarketTick(tick.getJsonNumber("t").longValue(), prices);
    }
}
