package com.finagent.application.macro;

import com.finagent.application.search.SearchStandIn.Answer;
import com.finagent.application.search.SearchStandIn;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A local server answering {@code /fred/series/observations} as FRED does: the envelope FRED sends, with each
 * series' observations newest first (values as strings, {@code "."} where FRED has none), 400 for a series it
 * does not hold: WireMock stubs, one a series. Tests replace a series' answer to inject FRED's errors.
 */
final class FredStandIn implements AutoCloseable {

    /** FRED's answer to a key it does not know, byte for byte (escaped slashes, two spaces after "Request."). */
    static final String BAD_KEY = "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable "
            + "api_key is not registered. Read https:\\/\\/fred.stlouisfed.org\\/docs\\/api\\/api_key.html for more "
            + "information.\"}";
    static final String RATE_LIMITED = "{\"error_code\":429,\"error_message\":\"Too Many Requests.  Exceeded Rate "
            + "Limit\"}";

    /**
     * Observations as of 2025-01-20, shaped like FRED's (monthly series dated on the month's first day, daily
     * series with "." on market holidays such as 2025-01-20); the values are illustrative.
     */
    static final Map<String, String[]> SERIES = new LinkedHashMap<>();

    static {
        SERIES.put("CPIAUCSL", new String[]{"2024-12-01", "315.605", "2024-11-01", "315.493", "2024-10-01", "315.664",
                "2024-09-01", "314.851", "2024-08-01", "314.131", "2024-07-01", "313.566", "2024-06-01", "313.049",
                "2024-05-01", "313.140", "2024-04-01", "313.207", "2024-03-01", "312.230", "2024-02-01", "311.054",
                "2024-01-01", "309.685", "2023-12-01", "308.742"});
        SERIES.put("CPILFESL", new String[]{"2024-12-01", "321.600", "2024-06-01", "318.100", "2023-12-01", "311.528"});
        SERIES.put("UNRATE", new String[]{"2024-12-01", "4.1", "2024-11-01", "4.2", "2024-06-01", "4.1",
                "2023-12-01", "3.8"});
        SERIES.put("PAYEMS", new String[]{"2024-12-01", "159288", "2024-11-01", "159032", "2024-10-01", "158771"});
        SERIES.put("DFF", new String[]{"2025-01-19", "4.33", "2025-01-18", "4.33", "2025-01-17", "4.33",
                "2024-12-19", "4.33", "2024-12-18", "4.58", "2024-10-19", "4.83", "2024-10-18", "4.83",
                "2024-10-17", "4.83", "2024-10-16", "4.83"});
        SERIES.put("DGS10", new String[]{"2025-01-20", ".", "2025-01-17", "4.61", "2025-01-16", "4.61",
                "2024-10-18", "4.08", "2024-10-16", "4.04", "2024-10-15", "4.03"});
        SERIES.put("T10Y2Y", new String[]{"2025-01-20", ".", "2025-01-17", "0.34", "2025-01-16", "0.32"});
        SERIES.put("A191RL1Q225SBEA", new String[]{"2024-07-01", "3.1", "2024-04-01", "3.0", "2024-01-01", "1.6"});
    }

    private static final String PATH = "/fred/series/observations";

    private final SearchStandIn server = new SearchStandIn();

    FredStandIn() {
        server.answer(PATH, new Answer(400,
                "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}", 0));
        // the answer names the observation start the request asked for, as FRED does
        SERIES.forEach((series, observations) -> server.stub(get(urlPathEqualTo(PATH)).atPriority(2)
                .withQueryParam("series_id", equalTo(series))
                .willReturn(Answer.ok(envelope("{{request.query.observation_start}}", observations)).response()
                        .withTransformers("response-template"))));
    }

    /** Replaces FRED's answer for one series until {@link #restoreAnswers()}. */
    void answer(String series, Answer answer) {
        server.stub(get(urlPathEqualTo(PATH)).atPriority(1).withQueryParam("series_id", equalTo(series))
                .withMetadata(Map.of("replaced", true)).willReturn(answer.response()));
    }

    /** Takes back every answer {@link #answer} replaced. */
    void restoreAnswers() {
        server.removeStubsByMetadata(matchingJsonPath("$.replaced"));
    }

    String url() {
        return server.url();
    }

    java.util.List<SearchStandIn.Request> requests() {
        return server.requests();
    }

    void forgetRequests() {
        server.forgetRequests();
    }

    /** FRED's observations answer around the given {@code date, value} pairs, newest first. */
    static String envelope(String start, String... dateValues) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < dateValues.length; i += 2) {
            rows.append(i == 0 ? "" : ",").append("{\"realtime_start\":\"2025-01-20\",\"realtime_end\":\"2025-01-20\",")
                    .append("\"date\":\"").append(dateValues[i]).append("\",\"value\":\"").append(dateValues[i + 1])
                    .append("\"}");
        }
        return "{\"realtime_start\":\"2025-01-20\",\"realtime_end\":\"2025-01-20\",\"observation_start\":\"" + start
                + "\",\"observation_end\":\"9999-12-31\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\","
                + "\"order_by\":\"observation_date\",\"sort_order\":\"desc\",\"count\":" + dateValues.length / 2
                + ",\"offset\":0,\"limit\":100000,\"observations\":[" + rows + "]}";
    }

    @Override
    public void close() {
        server.close();
    }
}
