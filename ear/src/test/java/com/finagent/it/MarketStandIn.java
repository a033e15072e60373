package com.finagent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking the wire formats of Polygon, Alpaca and Yahoo's chart endpoint, for the symbols
 * each "lists", and FRED's series observations for the macro indicators. Started once, before Payara, on
 * {@code FINAGENT_IT_STANDIN_PORT}; the application under test is pointed at it by the environment that failsafe
 * sets. Tests switch faults on and count requests.
 */
public class MarketStandIn implements BeforeAllCallback {

    /** What a provider does instead of answering. */
    enum Fault { NONE, SERVER_ERROR, RATE_LIMITED, SLOW }

    static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>(Map.of("polygon", Fault.NONE,
            "alpaca", Fault.NONE, "yahoo", Fault.NONE, "fred", Fault.NONE));
    static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>(Map.of("polygon", new AtomicInteger(),
            "alpaca", new AtomicInteger(), "yahoo", new AtomicInteger(), "fred", new AtomicInteger()));
    /**
     * FRED's observations of each series the application reads, newest first (illustrative values with a
     * slightly inverted curve; "." where FRED has no value): CPI 2.92 % and core CPI 3.29 % year over year.
     */
    static final Map<String, String> FRED = Map.of(
            "CPIAUCSL", "2025-08-01=323.976,2025-07-01=323.048,2024-08-01=314.796",
            "CPILFESL", "2025-08-01=330.542,2024-08-01=320.000",
            "UNRATE", "2025-08-01=4.3,2025-07-01=4.2,2024-08-01=4.2",
            "PAYEMS", "2025-08-01=159540,2025-07-01=159518",
            "DFF", "2025-09-05=4.33,2025-06-05=4.33",
            "DGS10", "2025-09-05=.,2025-09-04=4.17,2025-06-04=4.37",
            "T10Y2Y", "2025-09-04=-0.12,2025-09-03=-0.10",
            "A191RL1Q225SBEA", "2025-04-01=3.3,2025-01-01=-0.5");
    static final Map<String, Set<String>> LISTED = Map.of(
            "polygon", Set.of("NVDA", "MSTR"),
            "alpaca", Set.of("NVDA", "TSLA", "MSTR"),
            "yahoo", Set.of("NVDA", "TSLA", "NFLX", "MSTR"));
    static final Map<String, Double> LAST_PRICE = Map.of("NVDA", 123.45, "TSLA", 250.5, "NFLX", 612.0, "MSTR", 1500.0);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MarketStandIn.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(System.getenv("FINAGENT_IT_STANDIN_PORT"))), 0);
            server.createContext("/polygon/", exchange -> handle("polygon", exchange));
            server.createContext("/alpaca/", exchange -> handle("alpaca", exchange));
            server.createContext("/yahoo/", exchange -> handle("yahoo", exchange));
            server.createContext("/fred/", exchange -> handle("fred", exchange));
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return new Running(server);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the market-data stand-in", e);
        }
    }

    record Running(HttpServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void handle(String provider, HttpExchange exchange) throws IOException {
        REQUESTS.get(provider).incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        switch (FAULTS.get(provider)) {
            case SERVER_ERROR -> {
                send(exchange, 500, "{\"status\":\"ERROR\",\"error\":\"internal\"}");
                return;
            }
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"status\":\"ERROR\",\"error\":\"too many requests\"}");
                return;
            }
            case SLOW -> sleep(6_000);
            case NONE -> {
            }
        }
        if (provider.equals("fred")) {
            fred(exchange);
            return;
        }
        String[] segments = path.split("/");
        String symbol = switch (provider) {
            case "polygon" -> segments.length > 5 ? segments[5] : "";
            case "alpaca" -> segments.length > 4 ? segments[4] : "";
            default -> segments.length > 5 ? segments[5] : "";
        };
        if (!authorised(provider, exchange)) {
            send(exchange, 401, "{\"message\":\"unauthorized\"}");
            return;
        }
        if (!LISTED.get(provider).contains(symbol)) {
            send(exchange, 404, "{\"status\":\"NOT_FOUND\",\"message\":\"unknown symbol\"}");
            return;
        }
        double price = LAST_PRICE.get(symbol);
        String body = switch (provider) {
            case "polygon" -> path.contains("/snapshot/options/")
                    ? "{\"status\":\"OK\",\"results\":[" + polygonOption(symbol, "call", price + 5, 1200, 4000)
                    + "," + polygonOption(symbol, "put", price - 5, 800, 2500) + "]}"
                    : path.contains("/last/trade/")
                    ? "{\"status\":\"OK\",\"results\":{\"T\":\"" + symbol + "\",\"p\":" + price + ",\"s\":100,\"t\":1704205800000000000}}"
                    : "{\"ticker\":\"" + symbol + "\",\"status\":\"OK\",\"adjusted\":true,\"resultsCount\":3,\"results\":["
                    + polygonBar(LocalDate.of(2024, 1, 2), price - 3) + "," + polygonBar(LocalDate.of(2024, 1, 3), price - 2)
                    + "," + polygonBar(LocalDate.of(2024, 1, 4), price - 1) + "]}";
            case "alpaca" -> path.endsWith("/trades/latest")
                    ? "{\"symbol\":\"" + symbol + "\",\"trade\":{\"t\":\"2024-01-04T20:59:59Z\",\"p\":" + price + ",\"s\":10}}"
                    : "{\"symbol\":\"" + symbol + "\",\"next_page_token\":null,\"bars\":["
                    + alpacaBar("2024-01-02", price - 2) + "," + alpacaBar("2024-01-03", price - 1) + "]}";
            default -> "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"" + symbol + "\",\"regularMarketPrice\":" + price
                    + ",\"chartPreviousClose\":" + (price - 1) + "},\"timestamp\":[" + epoch("2024-01-02") + ","
                    + epoch("2024-01-03") + "],\"indicators\":{\"quote\":[{\"open\":[" + (price - 2) + ",null],\"high\":["
                    + (price - 1) + "," + price + "],\"low\":[" + (price - 3) + "," + (price - 2) + "],\"close\":["
                    + (price - 2) + "," + (price - 1) + "],\"volume\":[1000,null]}]}}],\"error\":null}}";
        };
        send(exchange, 200, body);
    }

    private static boolean authorised(String provider, HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        return switch (provider) {
            case "polygon" -> "Bearer it-polygon-key".equals(headers.getFirst("Authorization"));
            case "alpaca" -> "it-alpaca-id".equals(headers.getFirst("APCA-API-KEY-ID"))
                    && "it-alpaca-secret".equals(headers.getFirst("APCA-API-SECRET-KEY"));
            default -> true;
        };
    }

    /** FRED's answer: observations with their values as strings, or FRED's 400 for a key or series it does not know. */
    private static void fred(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        if (!"it-fred-key".equals(query.get("api_key"))) {
            send(exchange, 400, "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable api_key "
                    + "is not registered.\"}");
            return;
        }
        String series = FRED.get(query.get("series_id"));
        if (series == null) {
            send(exchange, 400, "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}");
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (String observation : series.split(",")) {
            String[] dateValue = observation.split("=");
            rows.append(rows.isEmpty() ? "" : ",").append("{\"realtime_start\":\"2025-09-05\",\"realtime_end\":")
                    .append("\"2025-09-05\",\"date\":\"").append(dateValue[0]).append("\",\"value\":\"")
                    .append(dateValue[1]).append("\"}");
        }
        send(exchange, 200, "{\"realtime_start\":\"2025-09-05\",\"realtime_end\":\"2025-09-05\",\"observation_start\":\""
                + query.get("observation_start") + "\",\"sort_order\":\"desc\",\"observations\":[" + rows + "]}");
    }

    private static String polygonOption(String symbol, String type, double strike, long volume, long openInterest) {
        return "{\"details\":{\"contract_type\":\"" + type + "\",\"exercise_style\":\"american\",\"expiration_date\":\"2024-03-15\","
                + "\"shares_per_contract\":100,\"strike_price\":" + strike + ",\"ticker\":\"O:" + symbol + "240315"
                + (type.equals("call") ? "C" : "P") + "\"},\"day\":{\"close\":4.2,\"volume\":" + volume + "},"
                + "\"open_interest\":" + openInterest + ",\"implied_volatility\":0.45}";
    }

    private static String polygonBar(LocalDate date, double close) {
        long t = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return "{\"v\":1000000,\"vw\":" + close + ",\"o\":" + (close - 0.5) + ",\"c\":" + close + ",\"h\":" + (close + 1)
                + ",\"l\":" + (close - 1) + ",\"t\":" + t + ",\"n\":1000}";
    }

    private static String alpacaBar(String date, double close) {
        return "{\"t\":\"" + date + "T05:00:00Z\",\"o\":" + (close - 0.5) + ",\"h\":" + (close + 1) + ",\"l\":"
                + (close - 1) + ",\"c\":" + close + ",\"v\":50000,\"n\":100,\"vw\":" + close + "}";
    }

    private static long epoch(String date) {
        return LocalDate.parse(date).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 14 * 3600;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
