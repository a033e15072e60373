package com.finagent.application.market.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Polygon.io: daily aggregates, last trade and options chains. Configured by {@code finagent.market.polygon.key}. */
@ApplicationScoped
public class PolygonProvider extends GuardedProvider {

    static final String NAME = "Polygon.io";

    @Inject
    @ConfigProperty(name = "finagent.market.polygon.url", defaultValue = "https://api.polygon.io")
    String url;

    @Inject
    @ConfigProperty(name = "finagent.market.polygon.key")
    Optional<String> key;

    private volatile PolygonApi api;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return key.filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public double lastPrice(String symbol) {
        JsonObject answer = RemoteCalls.call(NAME, symbol, () -> api().lastTrade(symbol, bearer()));
        JsonValue results = answer.get("results");
        if (!(results instanceof JsonObject trade) || !(trade.get("p") instanceof JsonNumber price)) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return price.doubleValue();
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        JsonObject answer = RemoteCalls.call(NAME, symbol,
                () -> api().dailyAggregates(symbol, from.toString(), to.toString(), true, "asc", 50_000, bearer()));
        if (!(answer.get("results") instanceof jakarta.json.JsonArray results) || results.isEmpty()) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        List<DailyBar> bars = new ArrayList<>(results.size());
        for (JsonValue value : results) {
            JsonObject bar = value.asJsonObject();
            LocalDate date = Instant.ofEpochMilli(bar.getJsonNumber("t").longValue()).atZone(ZoneOffset.UTC).toLocalDate();
            bars.add(new DailyBar(date, bar.getJsonNumber("o").doubleValue(), bar.getJsonNumber("h").doubleValue(),
                    bar.getJsonNumber("l").doubleValue(), bar.getJsonNumber("c").doubleValue(),
                    bar.getJsonNumber("v").longValue(), false));
        }
        return bars;
    }

    /** The underlying's option contracts with the day's volume and last price, open interest and implied volatility. */
    public List<OptionContract> optionsChain(String symbol) {
        JsonObject answer = RemoteCalls.call(NAME, symbol, () -> api().optionsChain(symbol, 250, bearer()));
        if (!(answer.get("results") instanceof jakarta.json.JsonArray results) || results.isEmpty()) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        List<OptionContract> contracts = new ArrayList<>(results.size());
        for (JsonValue value : results) {
            JsonObject contract = value.asJsonObject();
            JsonObject details = contract.getJsonObject("details");
            JsonObject day = contract.get("day") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
            contracts.add(new OptionContract(details.getString("ticker", ""), details.getString("contract_type"),
                    details.getJsonNumber("strike_price").doubleValue(), LocalDate.parse(details.getString("expiration_date")),
                    day.get("volume") instanceof JsonNumber v ? v.longValue() : 0,
                    contract.get("open_interest") instanceof JsonNumber oi ? oi.longValue() : null,
                    day.get("close") instanceof JsonNumber c ? c.doubleValue() : null,
                    contract.get("implied_volatility") instanceof JsonNumber iv ? iv.doubleValue() : null));
        }
        return contracts;
    }

    private String bearer() {
        return "Bearer " + key.orElse("");
    }

    private PolygonApi api() {
        PolygonApi current = api;
        if (current == null) {
            current = RestClients.build(url, PolygonApi.class);
            api = current;
        }
        return current;
    }
}
