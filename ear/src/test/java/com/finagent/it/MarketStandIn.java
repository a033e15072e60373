package com.finagent.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server speaking the wire formats of Polygon, Alpaca and Yahoo's chart endpoint, for the symbols
 * each "lists", and FRED's series observations for the macro indicators: one stub per provider, symbol and
 * endpoint, with the providers' own 401, 404 and 400 answers below them. Started once per run, before Payara, on
 * {@code FINAGENT_IT_STANDIN_PORT}; the application under test is pointed at it by the environment that failsafe
 * sets. Tests inject faults (stubs above the others) and count requests in its journal.
 */
public class MarketStandIn implements BeforeAllCallback {

    /** What a provider does instead of answering. */
    enum Fault { NONE, SERVER_ERROR, RATE_LIMITED, SLOW }

    /** How long a {@link Fault#SLOW} provider takes: longer than the clients' 4 s timeout. */
    private static final int SLOW_MS = 6_000;
    private static final String FAULT = "fault";

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

    /** The stand-in the single test domain is pointed at, started once per run. */
    private static volatile MarketStandIn shared;

    private final WireMockServer server;

    private MarketStandIn(WireMockServer server) {
        this.server = server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(MarketStandIn.class,
                key -> {
                    shared = startOn(Integer.parseInt(System.getenv("FINAGENT_IT_STANDIN_PORT")));
                    return new Running(shared);
                }, Running.class);
    }

    /** JUnit's instance of the extension; the stand-in itself is made by {@link #startOn(int)}. */
    public MarketStandIn() {
        this(null);
    }

    /** The stand-in of the single test domain. */
    static MarketStandIn shared() {
        return shared;
    }

    /** A stand-in of its own on {@code port}, for servers that must not share the single domain's requests. */
    static MarketStandIn startOn(int port) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).containerThreads(16));
        server.start();
        for (String provider : LISTED.keySet()) {
            answers(provider, 3, 0).forEach(server::stubFor);
        }
        server.stubFor(get(urlPathMatching("/(polygon|alpaca)/.*")).atPriority(8)
                .willReturn(json(401, "{\"message\":\"unauthorized\"}")));
        server.stubFor(get(urlPathMatching("/fred/.*")).atPriority(7).willReturn(json(400, "{\"error_code\":400,"
                + "\"error_message\":\"Bad Request.  The value for variable api_key is not registered.\"}")));
        server.stubFor(get(urlPathMatching("/fred/.*")).atPriority(6).withQueryParam("api_key", equalTo("it-fred-key"))
                .willReturn(json(400, "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not "
                        + "exist.\"}")));
        FRED.forEach((series, observations) -> server.stubFor(get(urlPathMatching("/fred/.*")).atPriority(2)
                .withQueryParam("api_key", equalTo("it-fred-key")).withQueryParam("series_id", equalTo(series))
                .willReturn(json(200, fred(observations)).withTransformers("response-template"))));
        return new MarketStandIn(server);
    }

    /** The base URL of {@code provider}'s API on this stand-in. */
    String url(String provider) {
        return server.baseUrl() + "/" + provider;
    }

    void stop() {
        server.stop();
    }

    record Running(MarketStandIn standIn) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            standIn.stop();
        }
    }

    /** Makes {@code provider} answer with {@code fault} until {@link #heal()}. */
    void inject(String provider, Fault fault) {
        Map<String, Object> metadata = Map.of(FAULT, provider);
        switch (fault) {
            case SERVER_ERROR -> server.stubFor(get(urlPathMatching("/" + provider + "/.*")).atPriority(1)
                    .withMetadata(metadata).willReturn(json(500, "{\"status\":\"ERROR\",\"error\":\"internal\"}")));
            case RATE_LIMITED -> server.stubFor(get(urlPathMatching("/" + provider + "/.*")).atPriority(1)
                    .withMetadata(metadata).willReturn(json(429,
                            "{\"status\":\"ERROR\",\"error\":\"too many requests\"}").withHeader("Retry-After", "1")));
            case SLOW -> answers(provider, 1, SLOW_MS).forEach(answer -> server.stubFor(answer.withMetadata(metadata)));
            case NONE -> server.removeStubsByMetadata(matchingJsonPath("$." + FAULT, equalTo(provider)));
        }
    }

    /** Takes every injected fault back. */
    void heal() {
        server.removeStubsByMetadata(matchingJsonPath("$." + FAULT));
    }

    /** The requests {@code provider} has had so far. */
    int requests(String provider) {
        return server.countRequestsMatching(getRequestedFor(urlPathMatching("/" + provider + "/.*")).build())
                .getCount();
    }

    /** The requests any provider has had so far for {@code symbol}'s data. */
    int requestsFor(String symbol) {
        return server.countRequestsMatching(getRequestedFor(urlPathMatching("/.*/" + symbol + "(/.*)?")).build())
                .getCount();
    }

    /**
     * A provider's answers at {@code priority}, after {@code delayMs}: each listed symbol's data to an authorised
     * request, a 404 (one priority lower) for the symbols it does not list.
     */
    private static List<MappingBuilder> answers(String provider, int priority, int delayMs) {
        List<MappingBuilder> answers = new ArrayList<>();
        for (String symbol : LISTED.get(provider)) {
            double price = LAST_PRICE.get(symbol);
            switch (provider) {
                case "polygon" -> {
                    answers.add(get(urlPathEqualTo("/polygon/v3/snapshot/options/" + symbol))
                            .willReturn(json(200, "{\"status\":\"OK\",\"results\":["
                                    + polygonOption(symbol, "call", price + 5, 1200, 4000)
                                    + "," + polygonOption(symbol, "put", price - 5, 800, 2500) + "]}")));
                    answers.add(get(urlPathEqualTo("/polygon/v2/last/trade/" + symbol))
                            .willReturn(json(200, "{\"status\":\"OK\",\"results\":{\"T\":\"" + symbol + "\",\"p\":"
                                    + price + ",\"s\":100,\"t\":1704205800000000000}}")));
                    answers.add(get(urlPathMatching("/polygon/v2/aggs/ticker/" + symbol + "/.*"))
                            .willReturn(json(200, "{\"ticker\":\"" + symbol + "\",\"status\":\"OK\",\"adjusted\":true,"
                                    + "\"resultsCount\":3,\"results\":[" + polygonBar(LocalDate.of(2024, 1, 2), price - 3)
                                    + "," + polygonBar(LocalDate.of(2024, 1, 3), price - 2) + ","
                                    + polygonBar(LocalDate.of(2024, 1, 4), price - 1) + "]}")));
                }
                case "alpaca" -> {
                    answers.add(get(urlPathEqualTo("/alpaca/v2/stocks/" + symbol + "/trades/latest"))
                            .willReturn(json(200, "{\"symbol\":\"" + symbol + "\",\"trade\":{\"t\":"
                                    + "\"2024-01-04T20:59:59Z\",\"p\":" + price + ",\"s\":10}}")));
                    answers.add(get(urlPathEqualTo("/alpaca/v2/stocks/" + symbol + "/bars"))
                            .willReturn(json(200, "{\"symbol\":\"" + symbol + "\",\"next_page_token\":null,\"bars\":["
                                    + alpacaBar("2024-01-02", price - 2) + "," + alpacaBar("2024-01-03", price - 1) + "]}")));
                }
                default -> answers.add(get(urlPathEqualTo("/yahoo/v8/finance/chart/" + symbol))
                        .willReturn(json(200, "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"" + symbol
                                + "\",\"regularMarketPrice\":" + price + ",\"chartPreviousClose\":" + (price - 1)
                                + "},\"timestamp\":[" + epoch("2024-01-02") + "," + epoch("2024-01-03")
                                + "],\"indicators\":{\"quote\":[{\"open\":[" + (price - 2) + ",null],\"high\":["
                                + (price - 1) + "," + price + "],\"low\":[" + (price - 3) + "," + (price - 2)
                                + "],\"close\":[" + (price - 2) + "," + (price - 1) + "],\"volume\":[1000,null]}]}}],"
                                + "\"error\":null}}")));
            }
        }
        answers.forEach(answer -> authorised(provider, answer.atPriority(priority)));
        answers.add(authorised(provider, get(urlPathMatching("/" + provider + "/.*")).atPriority(priority + 1)
                .willReturn(json(404, "{\"status\":\"NOT_FOUND\",\"message\":\"unknown symbol\"}"))));
        if (delayMs > 0) {
            answers.replaceAll(answer -> answer.willReturn(slowed(answer, delayMs)));
        }
        return answers;
    }

    private static MappingBuilder authorised(String provider, MappingBuilder request) {
        return switch (provider) {
            case "polygon" -> request.withHeader("Authorization", equalTo("Bearer it-polygon-key"));
            case "alpaca" -> request.withHeader("APCA-API-KEY-ID", equalTo("it-alpaca-id"))
                    .withHeader("APCA-API-SECRET-KEY", equalTo("it-alpaca-secret"));
            default -> request;
        };
    }

    private static ResponseDefinitionBuilder slowed(MappingBuilder answer, int delayMs) {
        return ResponseDefinitionBuilder.like(answer.build().getResponse()).withFixedDelay(delayMs);
    }

    /** FRED's answer: observations with their values as strings, and the observation start the request asked for. */
    private static String fred(String series) {
        StringBuilder rows = new StringBuilder();
        for (String observation : series.split(",")) {
            String[] dateValue = observation.split("=");
            rows.append(rows.isEmpty() ? "" : ",").append("{\"realtime_start\":\"2025-09-05\",\"realtime_end\":")
                    .append("\"2025-09-05\",\"date\":\"").append(dateValue[0]).append("\",\"value\":\"")
                    .append(dateValue[1]).append("\"}");
        }
        return "{\"realtime_start\":\"2025-09-05\",\"realtime_end\":\"2025-09-05\",\"observation_start\":"
                + "\"{{request.query.observation_start}}\",\"sort_order\":\"desc\",\"observations\":[" + rows + "]}";
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

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
