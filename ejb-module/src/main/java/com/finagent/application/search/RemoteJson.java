package com.finagent.application.search;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a remote search call and classifies its outcome by HTTP status: 200 is the answer, 404 means the service
 * knows nothing of what was asked (an empty answer, not a failure), anything else (401 for a bad key, 403, 429,
 * 5xx) and network failures make the source unavailable; a read or connect time-out is reported as such.
 */
final class RemoteJson {

    private RemoteJson() {
    }

    static Optional<JsonObject> call(String service, Supplier<Response> request) {
        try (Response response = send(service, request)) {
            int status = response.getStatus();
            if (status == 200) {
                return Optional.of(response.readEntity(JsonObject.class));
            }
            if (status == 404) {
                return Optional.empty();
            }
            throw new SourceUnavailableException(service, service + " answered HTTP " + status, false, null);
        } catch (ProcessingException e) {
            throw unavailable(service, e, "sent an unreadable answer");
        }
    }

    private static Response send(String service, Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            // MicroProfile Rest Client's default exception mapper turns every status >= 400 into this.
            return e.getResponse();
        } catch (ProcessingException e) {
            throw unavailable(service, e, "could not be reached");
        }
    }

    private static SourceUnavailableException unavailable(String service, ProcessingException e, String what) {
        Throwable root = rootCause(e);
        if (root instanceof SocketTimeoutException) {
            return new SourceUnavailableException(service, service + " did not answer in time", true, e);
        }
        return new SourceUnavailableException(service, service + " " + what + ": " + root.getClass().getSimpleName(), false, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
