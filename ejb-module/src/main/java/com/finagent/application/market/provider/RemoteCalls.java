package com.finagent.application.market.provider;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Runs a remote call and classifies its outcome by HTTP status: 200 is the answer, 404 means the symbol is
 * unknown there, anything else (429, 5xx, 401 for a bad key) and network failures are transient.
 */
final class RemoteCalls {

    private RemoteCalls() {
    }

    static JsonObject call(String provider, String symbol, Supplier<Response> request) {
        try (Response response = send(provider, request)) {
            int status = response.getStatus();
            if (status == 200) {
                return response.readEntity(JsonObject.class);
            }
            if (status == 404) {
                throw new SymbolUnknownException(provider, symbol);
            }
            throw new ProviderUnavailableException(provider + " answered HTTP " + status, null);
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException(provider + " sent an unreadable answer: " + rootCause(e), e);
        }
    }

    private static Response send(String provider, Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            // MicroProfile Rest Client's default exception mapper turns every status >= 400 into this.
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException(provider + " could not be reached: " + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
