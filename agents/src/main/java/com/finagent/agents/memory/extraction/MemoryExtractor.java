package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.memory.MemoryText;
import com.finagent.agents.model.TypedAnswerGuardrail;
import dev.langchain4j.model.chat.ChatModel;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls the facts and preferences a user states about themselves out of a chat message, as {@link Memory}s of the
 * six {@link MemoryKind}s. By {@link ExtractionRules} alone, or with a language model through the AI service
 * {@link MemoryExtraction}, falling back to the rules when the model fails or answers something unusable. Which of
 * the two a configuration means is the model catalogue's decision, as only it knows which model is the offline one.
 * Thread-safe.
 */
public final class MemoryExtractor {

    private static final Logger LOG = Logger.getLogger(MemoryExtractor.class.getName());

    private final ChatModel model;
    private final ExtractionRules rules;

    private MemoryExtractor(ChatModel model, ExtractionRules rules) {
        this.model = model;
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** By {@code rules} only: no model is asked. */
    public static MemoryExtractor byRules(ExtractionRules rules) {
        return new MemoryExtractor(null, rules);
    }

    /** Asks {@code model}, falling back to {@code rules} when its answer is unusable. */
    public static MemoryExtractor withModel(ChatModel model, ExtractionRules rules) {
        return new MemoryExtractor(Objects.requireNonNull(model, "model"), rules);
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
            return rules.extract(message);
        }
        try {
            // ExtractedMemoriesCheck let through only an answer with a list, after one repair request at most.
            return TypedAnswerGuardrail.forOneCall(MemoryExtraction.class, model).extract(message).usable()
                    .orElseThrow();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "memory extraction: the model failed or answered nothing usable, using the rules", e);
        }
        return rules.extract(message);
    }
}
