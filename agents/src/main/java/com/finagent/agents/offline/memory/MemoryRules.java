package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.Memory;
import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.memory.extraction.ExtractionRules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The offline extractor: first-person statements ({@link FirstPersonClauses}) matched clause by clause against one
 * family of rules for each {@link MemoryKind}. A clause gives at most one kind; the families are tried from the most
 * specific (risk tolerance, horizon) to the most general (fact), and the first rule that words a memory wins.
 */
public final class MemoryRules implements ExtractionRules {

    private final List<Rule> rules;

    /** Compiles the rules once; an instance is immutable and thread-safe. */
    public MemoryRules() {
        rules = Stream.of(RiskToleranceRules.rules(), HorizonRules.rules(), HoldingRules.rules(), DislikeRules.rules(),
                PreferenceRules.rules(), FactRules.rules()).flatMap(List::stream).toList();
    }

    @Override
    public List<Memory> extract(String message) {
        Set<Memory> found = new LinkedHashSet<>();
        for (String clause : FirstPersonClauses.in(message)) {
            found.addAll(clauseMemories(clause));
        }
        return List.copyOf(found);
    }

    private List<Memory> clauseMemories(String clause) {
        for (Rule rule : rules) {
            List<Memory> memories = rule.memories(clause);
            if (!memories.isEmpty()) {
                return memories;
            }
        }
        return List.of();
    }
}
