package com.finagent.application.market.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Yahoo Finance's chart endpoint. It needs no key, so it is switched on explicitly
 * ({@code finagent.market.yahoo.enabled=true}): off by default, since offline machines cannot reach it.
 */
@ApplicationScoped
public class YahooProvider extends GuardedProvider {

    static final String NAME = "Yahoo Finance";

    @Inject
    @ConfigProperty(name = "finagent.market.yahoo.url", defaultValue = "https://query1.finance.yahoo.com")
    String url;

    @Inject
    @ConfigProperty(name = "finagent.market.yahoo.enabled", defaultValue = "false")
    boolean enabled;

    private volatile YahooChartApi api;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return enabled;
    }

    @Override
    public double lastPrice(String symbol) {
        long now = Instant.now().getEpochSecond();
        JsonObject result = result(symbol, now - 5 * 86_400, now, "1d");
        if (!(result.getJsonObject("meta").get("regularMarketPrice") instanceof JsonNumber price)) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return price.doubleValue();
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        JsonObject result = result(symbol, from.atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC), "1d");
        JsonArray timestamps = result.getJsonArray("timestamp");
        JsonObject quote = result.getJsonObject("indicators").getJsonArray("quote").getJsonObject(0);
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; timestamps != null && i < timestamps.size(); i++) {
            if (quote.getJsonArray("close").isNull(i)) {
                continue;
            }
            LocalDate date = Instant.ofEpochSecond(timestamps.getJsonNumber(i).longValue()).atZone(ZoneOffset.UTC).toLocalDate();
            bars.add(new DailyBar(date, number(quote, "open", i), number(quote, "high", i), number(quote, "low", i),
                    number(quote, "close", i), quote.getJsonArray("volume").isNull(i) ? 0
                    : quote.getJsonArray("volume").getJsonNumber(i).longValue(), false));
        }
        if (bars.isEmpty()) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return bars;
    }

    private JsonObject result(String symbol, long period1, long period2, String interval) {
        JsonObject answer = RemoteCalls.call(NAME, symbol, () -> api().chart(symbol, period1, period2, interval));
        JsonObject chart = answer.getJsonObject("chart");
        if (chart == null || !(chart.get("result") instanceof JsonArray results) || results.isEmpty()) {
            throw new SymbolUnknownException(NAME, symbol);
        }
        return results.getJsonObject(0);
    }

    private static double number(JsonObject quote, String field, int index) {
        JsonArray values = quote.getJsonArray(field);
        return values.isNull(index) ? quote.getJsonArray("close").getJsonNumber(index).doubleValue()
                : values.getJsonNumber(index).doubleValue();
    }

    private YahooChartApi api() {
        YahooChartApi current = api;
        if (current == null) {
            current = RestClients.build(url, YahooChartApi.class);
            api = current;
        }
        return current;
    }
}
