package com.finagent.agents.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;

/** Builds LangChain4j chat models from {@link ModelSpec}s. */
public final class ModelFactory {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Anthropic requires an output cap; a position or recommendation fits well within it. */
    static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 2048;
    private static final int MAX_RETRIES = 2;

    private ModelFactory() {
    }

    public static ChatModel create(ModelSpec spec, long seed) {
        Provider provider = spec.provider() == null ? Provider.OFFLINE : spec.provider();
        return switch (provider) {
            case OFFLINE -> new OfflineChatModel();
            case OPENAI -> openAi(spec, require(spec.apiKey(), "api key", spec), spec.baseUrl(), seed);
            case OPENAI_COMPATIBLE -> openAi(spec, spec.apiKey(), require(spec.baseUrl(), "base URL", spec), seed);
            case AZURE_OPENAI -> openAi(spec, require(spec.apiKey(), "api key", spec),
                    azureV1(require(spec.baseUrl(), "base URL (https://RESOURCE.openai.azure.com)", spec)), seed);
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .apiKey(require(spec.apiKey(), "api key", spec))
                    .modelName(require(spec.modelName(), "model name", spec))
                    .baseUrl(spec.baseUrl())
                    .temperature(spec.temperature())
                    .maxTokens(spec.maxTokens() == null ? DEFAULT_ANTHROPIC_MAX_TOKENS : spec.maxTokens())
                    .timeout(spec.timeout() == null ? DEFAULT_TIMEOUT : spec.timeout())
                    .maxRetries(MAX_RETRIES)
                    .build();
        };
    }

    private static ChatModel openAi(ModelSpec spec, String apiKey, String baseUrl, long seed) {
        return OpenAiChatModel.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .modelName(require(spec.modelName(), "model name", spec))
                .temperature(spec.temperature())
                .maxTokens(spec.maxTokens())
                .seed((int) seed)
                .timeout(spec.timeout() == null ? DEFAULT_TIMEOUT : spec.timeout())
                .maxRetries(MAX_RETRIES)
                .build();
    }

    /** Azure's OpenAI-compatible v1 API lives under {@code /openai/v1} of the resource endpoint. */
    static String azureV1(String endpoint) {
        String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return trimmed.endsWith("/openai/v1") ? trimmed : trimmed + "/openai/v1";
    }

    private static String require(String value, String what, ModelSpec spec) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Model " + spec.id() + " needs a " + what);
        }
        return value;
    }
}
