package com.finagent.agents.provider;

import com.finagent.agents.memory.extraction.MemoryExtractor;
import com.finagent.agents.model.ModelResolver;
import com.finagent.agents.model.ModelSettings;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.Provider;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.model.ResolvedStreamingModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves participants' models from {@link ModelSettings}, building each distinct model once (LangChain4j models
 * are thread-safe and hold an HTTP client worth sharing). A streaming model is built on first demand from the same
 * effective spec as its blocking counterpart, so both answer with the same model.
 */
public final class ModelCatalog implements ModelResolver {

    private record Key(ModelSpec spec, long seed) {
    }

    private final ModelSettings settings;
    private final List<ChatModelListener> listeners;
    private final Map<Key, ChatModel> built = new ConcurrentHashMap<>();
    private final Map<Key, StreamingChatModel> builtStreaming = new ConcurrentHashMap<>();
    private final Map<ModelSpec, MemoryExtractor> extractors = new ConcurrentHashMap<>();

    public ModelCatalog(ModelSettings settings) {
        this(settings, List.of());
    }

    /** A catalogue whose models, blocking and streaming, report every call to {@code listeners}. */
    public ModelCatalog(ModelSettings settings, List<ChatModelListener> listeners) {
        this.settings = settings == null ? ModelSettings.offline() : settings;
        this.listeners = List.copyOf(listeners);
    }

    public ModelSettings settings() {
        return settings;
    }

    @Override
    public ResolvedModel resolve(String participantId, String requested, long seed) {
        ModelSpec spec = effectiveSpec(participantId, requested);
        return new ResolvedModel(spec.id(), model(spec, seed));
    }

    /**
     * Whether {@code participantId} is configured with the offline model, for a caller with an offline path of its
     * own (the sentiment classifier), which the offline chat model's answers would not serve.
     */
    public boolean isOffline(String participantId) {
        return settings.specFor(participantId).isOffline();
    }

    /**
     * Memory extraction with the model {@code participantId} is configured with: the offline rules when that is the
     * offline model, else the model with the rules as its fallback. Built once per model, as it holds an AI service.
     */
    public MemoryExtractor memoryExtractor(String participantId) {
        ModelSpec spec = settings.specFor(participantId);
        return extractors.computeIfAbsent(spec, key -> ModelFactory.memoryExtractor(key, model(key, 0)));
    }

    @Override
    public ResolvedStreamingModel resolveStreaming(String participantId, String requested, long seed) {
        ModelSpec spec = effectiveSpec(participantId, requested);
        StreamingChatModel model = builtStreaming.computeIfAbsent(new Key(spec, seed),
                key -> ModelFactory.createStreaming(key.spec(), key.seed(), listeners));
        return new ResolvedStreamingModel(spec.id(), model);
    }

    private ChatModel model(ModelSpec spec, long seed) {
        return built.computeIfAbsent(new Key(spec, seed), key -> ModelFactory.create(key.spec(), key.seed(), listeners));
    }

    /** The spec a participant gets, with a request's model choice applied over the configuration. */
    ModelSpec effectiveSpec(String participantId, String requested) {
        ModelSpec configured = settings.specFor(participantId);
        if (requested == null || requested.isBlank()) {
            return configured;
        }
        String choice = requested.trim();
        if (choice.equalsIgnoreCase(Provider.OFFLINE.key()) || choice.equals(ModelSpec.OFFLINE_MODEL_ID)) {
            return ModelSpec.offline();
        }
        int colon = choice.indexOf(':');
        if (colon < 0) {
            return configured.withModelName(choice);
        }
        Provider provider = Provider.parse(choice.substring(0, colon));
        String modelName = choice.substring(colon + 1);
        if (provider == Provider.OFFLINE) {
            return ModelSpec.offline();
        }
        ModelSpec base = configured.provider() == provider ? configured : settings.configured(provider);
        if (base == null) {
            throw new IllegalArgumentException("Model '" + requested + "' asked for, but provider "
                    + provider.key() + " is not configured");
        }
        return base.withModelName(modelName);
    }
}
