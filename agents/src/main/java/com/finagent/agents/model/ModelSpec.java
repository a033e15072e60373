package com.finagent.agents.model;

import java.time.Duration;

/**
 * One chat model's configuration. In per-participant overrides a null field means "as the defaults".
 *
 * @param provider    where the model comes from
 * @param modelName   model (for Azure: the deployment name)
 * @param apiKey      secret; never printed and never part of a debate's stored request
 * @param baseUrl     endpoint; required for azure-openai and openai-compatible
 * @param temperature sampling temperature, null for the provider's default
 * @param maxTokens   cap on output tokens per call
 * @param timeout     per HTTP call
 */
public record ModelSpec(Provider provider, String modelName, String apiKey, String baseUrl, Double temperature,
                        Integer maxTokens, Duration timeout) {

    /** The id of the offline model: what answers, and what a stored debate records, when no provider is set. */
    public static final String OFFLINE_MODEL_ID = "finagent-offline-1";

    /** The offline model's spec: deterministic, no network. */
    public static ModelSpec offline() {
        return new ModelSpec(Provider.OFFLINE, OFFLINE_MODEL_ID, null, null, null, null, null);
    }

    public static ModelSpec of(Provider provider, String modelName, String apiKey, String baseUrl) {
        return new ModelSpec(provider, modelName, apiKey, baseUrl, null, null, null);
    }

    /** Whether this spec means the offline model, as it does when no provider is set. */
    public boolean isOffline() {
        return provider == null || provider == Provider.OFFLINE;
    }

    /** What a stored debate records as the model: {@code provider:model}, or the offline model's id. */
    public String id() {
        return isOffline() ? OFFLINE_MODEL_ID : provider.key() + ":" + modelName;
    }

    /** These settings with every non-null field of {@code override} taking precedence. */
    public ModelSpec with(ModelSpec override) {
        if (override == null) {
            return this;
        }
        boolean otherProvider = override.provider != null && override.provider != provider;
        return new ModelSpec(
                first(override.provider, provider),
                first(override.modelName, otherProvider ? null : modelName),
                first(override.apiKey, otherProvider ? null : apiKey),
                first(override.baseUrl, otherProvider ? null : baseUrl),
                first(override.temperature, temperature),
                first(override.maxTokens, maxTokens),
                first(override.timeout, timeout));
    }

    public ModelSpec withModelName(String name) {
        return new ModelSpec(provider, name, apiKey, baseUrl, temperature, maxTokens, timeout);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    public String toString() {
        return "ModelSpec[" + id() + (baseUrl == null ? "" : " at " + baseUrl)
                + (apiKey == null ? "" : ", key set") + "]";
    }
}
