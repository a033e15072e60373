package com.finagent.agents.model;

import java.util.Locale;

/** Where chat models come from. */
public enum Provider {
    OPENAI("openai"),
    ANTHROPIC("anthropic"),
    /** Azure OpenAI through its OpenAI-compatible v1 API ({@code https://RESOURCE.openai.azure.com/openai/v1}). */
    AZURE_OPENAI("azure-openai"),
    /** Any server speaking OpenAI's Chat Completions API at a base URL: Ollama, vLLM, LM Studio, a gateway. */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** Fin Agent's offline model ({@link ModelSpec#OFFLINE_MODEL_ID}): deterministic, no network. */
    OFFLINE("offline");

    private final String key;

    Provider(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Provider parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Provider provider : values()) {
            if (provider.key.equals(wanted)) {
                return provider;
            }
        }
        if (wanted.equals("azure")) {
            return AZURE_OPENAI;
        }
        if (wanted.equals("ollama") || wanted.equals("vllm") || wanted.equals("lmstudio")) {
            return OPENAI_COMPATIBLE;
        }
        throw new IllegalArgumentException("Unknown model provider '" + value
                + "': use openai, anthropic, azure-openai, openai-compatible or offline");
    }
}
