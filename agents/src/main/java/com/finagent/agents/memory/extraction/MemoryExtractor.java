package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.memory.MemoryText;
import com.finagent.agents.model.ModelSpec;
import com.finagent.agents.model.ResolvedModel;
import com.finagent.agents.offline.OfflineChatModel;
import com.finagent.agents.offline.memory.MemoryRules;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls the facts and preferences a user states about themselves out of a chat message, as {@link Memory}s of the
 * six {@link MemoryKind}s. Offline by rules; with a language model when one is configured, through the AI service
 * {@link MemoryExtraction}, falling back to the rules when the model fails or answers something unusable.
 * Thread-safe.
 */
public final class MemoryExtractor {

    private static final Logger LOG = Logger.getLogger(MemoryExtractor.class.getName());
    private static final MemoryRules RULES = new MemoryRules();

    private final MemoryExtraction model;

    private MemoryExtractor(ChatModel model) {
        this.model = model == null ? null : AiServices.create(MemoryExtraction.class, model);
    }

    /** Rules only: deterministic, no model. */
    public static MemoryExtractor offline() {
        return new MemoryExtractor(null);
    }

    /** Asks {@code model} (null: rules only), falling back to the rules when its answer is unusable. */
    public static MemoryExtractor withModel(ChatModel model) {
        return new MemoryExtractor(model instanceof OfflineChatModel ? null : model);
    }

    /** With the model the server resolved for memory extraction; the offline model means the rules. */
    public static MemoryExtractor forModel(ResolvedModel resolved) {
        if (resolved == null || resolved.model() instanceof OfflineChatModel
                || ModelSpec.OFFLINE_MODEL_ID.equals(resolved.id())) {
            return offline();
        }
        return new MemoryExtractor(resolved.model());
    }

    public boolean usesModel() {
        return model != null;
    }

    /** The memories a message states, in the order stated, without duplicates; empty for neutral messages. */
    public List<Memory> extract(String message) {
        if (!MemoryText.speaksOfTheUser(message)) {
            return List.of();
        }
        if (model == null) {
            return RULES.extract(message);
        }
        try {
            Optional<List<Memory>> parsed = model.extract(message).usable();
            if (parsed.isPresent()) {
                return parsed.get();
            }
            LOG.fine("memory extraction: unusable model answer, using the rules");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "memory extraction: model failed, using the rules", e);
        }
        return RULES.extract(message);
    }
}
