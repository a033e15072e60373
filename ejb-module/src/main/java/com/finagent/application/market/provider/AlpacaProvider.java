package com.finagent.application.market.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alpaca market data: daily bars (paged) and latest trade. Configured by its key id and secret. */
@ApplicationScoped
public class AlpacaProvider extends GuardedProvider {

    static final String NAME = "Alpaca";
    private static final int MAX_PAGES = 20;

    @Inject
    @ConfigProperty(name = "finagent.market.alpaca.url", defaultValue = "https://data.alpaca.markets")
    String url;

    @Inject
    @ConfigProperty(name = "finagent.market.alpaca.key-id")
    Optional<String> keyId;

    @Inject
    @ConfigProperty(name = "finagent.market.alpaca.secret")
    Optional<String> secret;

    private volatile AlpacaApi api;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return keyId.filter(k -> !k.isBlank()).isPresent() && secret.filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public double lastPrice(String symbol) {
        JsonObject answer = RemoteCalls.call(NAME, symbol,
                () -> api().latestTrade(symbol, keyId.orElse(""), secret.orElse("")));
        if (!(answer.get("trade") instanceof JsonObject trade) || !trade.containsKey("p")) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return trade.getJsonNumber("p").doubleValue();
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        List<DailyBar> bars = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String token = pageToken;
            JsonObject answer = RemoteCalls.call(NAME, symbol, () -> api().bars(symbol, "1Day", from.toString(),
                    to.toString(), "all", 10_000, token, keyId.orElse(""), secret.orElse("")));
            if (answer.get("bars") instanceof JsonArray results) {
                for (JsonValue value : results) {
                    JsonObject bar = value.asJsonObject();
                    bars.add(new DailyBar(OffsetDateTime.parse(bar.getString("t")).toLocalDate(),
                            bar.getJsonNumber("o").doubleValue(), bar.getJsonNumber("h").doubleValue(),
                            bar.getJsonNumber("l").doubleValue(), bar.getJsonNumber("c").doubleValue(),
                            bar.getJsonNumber("v").longValue(), false));
                }
            }
            pageToken = answer.get("next_page_token") instanceof JsonString next ? next.getString() : null;
            if (pageToken == null) {
                break;
            }
        }
        if (bars.isEmpty()) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return bars;
    }

    private AlpacaApi api() {
        AlpacaApi current = api;
        if (current == null) {
            current = RestClients.build(url, AlpacaApi.class);
            api = current;
        }
        return current;
    }
}
