package com.finagent.application.macro;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.SocketTimeoutException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Observations of FRED series, newest first, with FRED's missing values ({@code "."}) left out. A 400 (FRED's
 * answer to an unknown key or series) or a 429 is a {@link FredRejectedException} carrying FRED's explanation;
 * other failures are a {@link FredUnavailableException}.
 */
public final class FredClient {

    public static final String SERVICE = "FRED";
    static final String MISSING = ".";

    private final FredApi api;
    private final String key;

    public FredClient(FredApi api, String key) {
        this.api = api;
        this.key = key;
    }

    /** The series' observations dated {@code start} or later, newest first. */
    public List<FredObservation> observations(String seriesId, LocalDate start) {
        JsonObject answer = send(() -> api.observations(seriesId, key, "json", start.toString(), "desc"));
        return parse(seriesId, answer);
    }

    static List<FredObservation> parse(String seriesId, JsonObject answer) {
        if (!(answer.get("observations") instanceof JsonArray rows)) {
            throw new FredUnavailableException(SERVICE + " sent no observations of " + seriesId, null);
        }
        List<FredObservation> observations = new ArrayList<>(rows.size());
        for (JsonValue row : rows) {
            if (!(row instanceof JsonObject observation)) {
                continue;
            }
            String value = observation.getString("value", MISSING).strip();
            if (value.equals(MISSING) || value.isEmpty()) {
                continue;
            }
            try {
                double number = Double.parseDouble(value);
                if (!Double.isFinite(number)) {
                    throw new NumberFormatException("not a finite number: " + value);
                }
                observations.add(new FredObservation(LocalDate.parse(observation.getString("date", "")), number));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new FredUnavailableException(SERVICE + " sent an unreadable observation of " + seriesId, e);
            }
        }
        return observations;
    }

    private JsonObject send(Supplier<Response> request) {
        try (Response response = answer(request)) {
            int status = response.getStatus();
            if (status == 200) {
                return response.readEntity(JsonObject.class);
            }
            if (status == 429) {
                throw new FredRejectedException(SERVICE + " is limiting our requests (HTTP 429); try again in a minute");
            }
            if (status == 400) {
                throw new FredRejectedException(SERVICE + " rejected the request: " + explanation(response));
            }
            throw new FredUnavailableException(SERVICE + " answered HTTP " + status, null);
        } catch (ProcessingException e) {
            throw new FredUnavailableException(SERVICE + " sent an unreadable answer", e);
        }
    }

    private static Response answer(Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            // MicroProfile Rest Client's default exception mapper turns every status >= 400 into this.
            return e.getResponse();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** FRED's {@code error_message}, without the key should FRED ever echo it. */
    private String explanation(Response response) {
        String message;
        try {
            message = response.readEntity(JsonObject.class).getString("error_message", "HTTP 400");
        } catch (ProcessingException | ClassCastException | IllegalStateException unreadable) {
            message = "HTTP 400";
        }
        String clean = message.replaceAll("\\s+", " ").strip();
        return key == null || key.isBlank() ? clean : clean.replace(key, "***");
    }

    private static FredUnavailableException unreachable(ProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof SocketTimeoutException
                ? new FredUnavailableException(SERVICE + " did not answer in time", e)
                : new FredUnavailableException(SERVICE + " could not be reached: " + root.getClass().getSimpleName(), e);
    }
}
