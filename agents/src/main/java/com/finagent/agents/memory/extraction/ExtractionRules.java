package com.finagent.agents.memory.extraction;

import com.finagent.agents.memory.Memory;

import java.util.List;

/**
 * Extraction without a language model: all of it when no model is configured, and the fallback when a model fails
 * or answers something unusable. An interface of its own so that extraction needs only the rules' contract: the
 * offline rules that implement it use the memory package, and a dependency back on them would be a cycle.
 */
@FunctionalInterface
public interface ExtractionRules {

    /** The memories {@code message} states, in the order stated, without duplicates; empty for neutral messages. */
    List<Memory> extract(String message);
}
