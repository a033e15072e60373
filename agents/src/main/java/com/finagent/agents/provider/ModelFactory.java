package com.finagent.agents.provider;

import com.finagent.agents.memory.extraction.MemoryExtractor;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.Provider;
import com.finagent.agents.model.WordStreamingChatModel;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.offline.memory.MemoryRules;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.time.Duration;
import java.util.List;

/**
 * Builds LangChain4j chat models from {@link ModelSpec}s, blocking or streaming. Both kinds come from one
 * {@link Endpoint}, so a spec is checked, defaulted and mapped to its wire protocol in one place. What a spec means
 * for memory extraction is decided here too, where the offline model's parts are known.
 */
public final class ModelFactory {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Anthropic requires an output cap; a position or recommendation fits well within it. */
    static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 2048;
    private static final int MAX_RETRIES = 2;

    /** The protocol a provider speaks: OpenAI, Azure and OpenAI-compatible servers all speak Chat Completions. */
    private enum Wire { OFFLINE, OPENAI, ANTHROPIC }

    /**
     * The memory rules, compiled on first use rather than with the factory, which debates use without memories.
     * Immutable and thread-safe, so every extractor shares them.
     */
    private static final class Memories {
        static final MemoryRules RULES = new MemoryRules();
    }

    /** A spec with its required fields checked and its defaults applied. */
    private record Endpoint(Wire wire, String apiKey, String baseUrl, String modelName, Double temperature,
                            Integer maxTokens, Duration timeout) {
    }

    private ModelFactory() {
    }

    public static ChatModel create(ModelSpec spec, long seed) {
        return create(spec, seed, List.of());
    }

    /** A blocking model whose every call {@code listeners} observe (metrics and traces of model calls). */
    public static ChatModel create(ModelSpec spec, long seed, List<ChatModelListener> listeners) {
        Endpoint endpoint = endpoint(spec);
        return switch (endpoint.wire()) {
            case OFFLINE -> new OfflineChatModel(listeners);
            case OPENAI -> OpenAiChatModel.builder().apiKey(endpoint.apiKey()).baseUrl(endpoint.baseUrl())
                    .modelName(endpoint.modelName()).temperature(endpoint.temperature())
                    .maxTokens(endpoint.maxTokens()).seed((int) seed).timeout(endpoint.timeout())
                    .maxRetries(MAX_RETRIES).listeners(listeners).build();
            case ANTHROPIC -> AnthropicChatModel.builder().apiKey(endpoint.apiKey()).baseUrl(endpoint.baseUrl())
                    .modelName(endpoint.modelName()).temperature(endpoint.temperature())
                    .maxTokens(endpoint.maxTokens()).timeout(endpoint.timeout())
                    .maxRetries(MAX_RETRIES).listeners(listeners).build();
        };
    }

    /**
     * The streaming counterpart of {@link #create}: the same endpoint, key, model, sampling and timeout. LangChain4j
     * does not retry a stream, whose first tokens may already have been shown.
     */
    public static StreamingChatModel createStreaming(ModelSpec spec, long seed, List<ChatModelListener> listeners) {
        Endpoint endpoint = endpoint(spec);
        return switch (endpoint.wire()) {
            case OFFLINE -> new WordStreamingChatModel(new OfflineChatModel(listeners));
            case OPENAI -> OpenAiStreamingChatModel.builder().apiKey(endpoint.apiKey()).baseUrl(endpoint.baseUrl())
                    .modelName(endpoint.modelName()).temperature(endpoint.temperature())
                    .maxTokens(endpoint.maxTokens()).seed((int) seed).timeout(endpoint.timeout())
                    .listeners(listeners).build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder().apiKey(endpoint.apiKey())
                    .baseUrl(endpoint.baseUrl()).modelName(endpoint.modelName()).temperature(endpoint.temperature())
                    .maxTokens(endpoint.maxTokens()).timeout(endpoint.timeout()).listeners(listeners).build();
        };
    }

    /**
     * Memory extraction with the model {@code spec} configures, {@code model} being that model as built: the
     * offline model's chat and debate answers extract nothing, so with it the memory rules extract alone; any other
     * model is asked, with the rules as its fallback.
     */
    static MemoryExtractor memoryExtractor(ModelSpec spec, ChatModel model) {
        return spec.isOffline() ? MemoryExtractor.byRules(Memories.RULES)
                : MemoryExtractor.withModel(model, Memories.RULES);
    }

    private static Endpoint endpoint(ModelSpec spec) {
        Provider provider = spec.provider() == null ? Provider.OFFLINE : spec.provider();
        return switch (provider) {
            case OFFLINE -> new Endpoint(Wire.OFFLINE, null, null, ModelSpec.OFFLINE_MODEL_ID, null, null, null);
            case OPENAI -> openAi(spec, require(spec.apiKey(), "api key", spec), spec.baseUrl());
            case OPENAI_COMPATIBLE -> openAi(spec, spec.apiKey(), require(spec.baseUrl(), "base URL", spec));
            case AZURE_OPENAI -> openAi(spec, require(spec.apiKey(), "api key", spec),
                    azureV1(require(spec.baseUrl(), "base URL (https://RESOURCE.openai.azure.com)", spec)));
            case ANTHROPIC -> new Endpoint(Wire.ANTHROPIC, require(spec.apiKey(), "api key", spec), spec.baseUrl(),
                    require(spec.modelName(), "model name", spec), spec.temperature(),
                    spec.maxTokens() == null ? DEFAULT_ANTHROPIC_MAX_TOKENS : spec.maxTokens(), timeout(spec));
        };
    }

    private static Endpoint openAi(ModelSpec spec, String apiKey, String baseUrl) {
        return new Endpoint(Wire.OPENAI, apiKey, baseUrl, require(spec.modelName(), "model name", spec),
                spec.temperature(), spec.maxTokens(), timeout(spec));
    }

    private static Duration timeout(ModelSpec spec) {
        return spec.timeout() == null ? DEFAULT_TIMEOUT : spec.timeout();
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
