package com.finagent.application.plaid;

import com.google.gson.Gson;
import com.plaid.client.ApiClient;
import com.plaid.client.JSON;
import com.plaid.client.model.PlaidError;
import com.plaid.client.request.PlaidApi;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The one Plaid client of the application: the official SDK ({@code plaid-java}), pointed at Plaid
 * (sandbox, development or production by {@code finagent.plaid.environment}, or any {@code finagent.plaid.url})
 * when {@code finagent.plaid.client-id} and {@code finagent.plaid.secret} are configured, and otherwise at the
 * local Plaid sandbox ({@code finagent.plaid.sandbox.url}), a process of its own that {@code finagent run} starts
 * beside the server. Either way the application speaks only Plaid's HTTP API through the SDK, so nothing of the
 * sandbox is part of the application.
 * <p>
 * Gson here rather than our JSON-B: the SDK's models are Gson's, so Plaid's error bodies are read with the SDK's
 * own Gson ({@code new JSON().getGson()}) into its {@code PlaidError}, exactly as the SDK reads its responses.
 */
@ApplicationScoped
public class PlaidGateway {

    private static final Logger LOG = Logger.getLogger(PlaidGateway.class.getName());
    private static final Map<String, String> ENVIRONMENTS = Map.of(
            "sandbox", ApiClient.Sandbox, "production", ApiClient.Production);

    @Inject
    @ConfigProperty(name = "finagent.plaid.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "finagent.plaid.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "finagent.plaid.environment", defaultValue = "sandbox")
    String environment;

    @Inject
    @ConfigProperty(name = "finagent.plaid.url")
    Optional<String> url;

    /** Where the local Plaid sandbox listens when no Plaid keys are configured ({@code finagent run} starts it). */
    @Inject
    @ConfigProperty(name = "finagent.plaid.sandbox.url", defaultValue = "http://127.0.0.1:15450/")
    String localSandboxUrl;

    /**
     * How the front end links an institution: {@code plaid-link} (Plaid's Link widget, loaded from Plaid) or
     * {@code sandbox-dialog} (our form for a sandbox institution and test login). By default the dialog when
     * the local sandbox answers, Link when Plaid keys are configured.
     */
    @Inject
    @ConfigProperty(name = "finagent.plaid.link-mode")
    Optional<String> linkMode;

    private PlaidApi api;
    private String baseUrl;
    private final Gson gson = new JSON().getGson();

    @PostConstruct
    void connect() {
        String id;
        String key;
        if (configured()) {
            id = clientId.orElseThrow();
            key = secret.orElseThrow();
            baseUrl = url.filter(u -> !u.isBlank()).orElseGet(() -> {
                String known = ENVIRONMENTS.get(environment);
                if (known == null) {
                    throw new IllegalStateException("finagent.plaid.environment must be one of " + ENVIRONMENTS.keySet());
                }
                return known;
            });
        } else {
            // The local sandbox accepts any non-empty keys, as Plaid's own sandbox needs some.
            id = "finagent-local";
            key = "finagent-local-secret";
            baseUrl = localSandboxUrl.endsWith("/") ? localSandboxUrl : localSandboxUrl + "/";
            LOG.info(() -> "No Plaid keys configured: using the local Plaid sandbox at " + baseUrl);
        }
        ApiClient client = new ApiClient(Map.of("clientId", id, "secret", key));
        client.setPlaidAdapter(baseUrl);
        // createService builds the HTTP client from this builder, so the timeouts must be set before it.
        client.getOkBuilder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS);
        api = client.createService(PlaidApi.class);
    }

    /** Whether real Plaid keys are configured; without them the local sandbox answers. */
    public boolean configured() {
        return clientId.filter(v -> !v.isBlank()).isPresent() && secret.filter(v -> !v.isBlank()).isPresent();
    }

    /** Which Plaid answers, for the user to see: "Plaid (sandbox)" or "local Plaid sandbox (offline)". */
    public String source() {
        return configured() ? "Plaid (" + (url.filter(u -> !u.isBlank()).isPresent() ? baseUrl : environment) + ")"
                : "local Plaid sandbox (offline)";
    }

    /**
     * Runs one Plaid call and returns its body; a refusal becomes a {@link PlaidException} with Plaid's error
     * object, a network failure one with status 0.
     */
    public <T> T call(Function<PlaidApi, Call<T>> request) {
        Response<T> response;
        try {
            response = request.apply(api).execute();
        } catch (IOException e) {
            throw new PlaidException(0, "NETWORK", "PLAID_UNREACHABLE", "Plaid could not be reached: " + e.getMessage(),
                    null, e);
        }
        if (response.isSuccessful() && response.body() != null) {
            return response.body();
        }
        PlaidError error = null;
        try (var body = response.errorBody()) {
            if (body != null) {
                error = gson.fromJson(body.string(), PlaidError.class);
            }
        } catch (IOException | RuntimeException unreadable) {
            LOG.fine(() -> "Unreadable Plaid error body: " + unreadable);
        }
        if (error == null || error.getErrorCode() == null) {
            throw new PlaidException(response.code(), "API_ERROR", "HTTP_" + response.code(),
                    "Plaid answered HTTP " + response.code(), null, null);
        }
        throw new PlaidException(response.code(), String.valueOf(error.getErrorType()), error.getErrorCode(),
                error.getErrorMessage(), error.getDisplayMessage(), null);
    }

    /** Whether the front end should show the sandbox dialog in place of Plaid Link. */
    public boolean sandboxDialog() {
        return linkMode.map(mode -> mode.equals("sandbox-dialog")).orElse(!configured());
    }
}
