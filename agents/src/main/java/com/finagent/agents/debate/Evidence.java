package com.finagent.agents.debate;

import com.finagent.agents.tools.EvidenceItem;
import jakarta.json.bind.annotation.JsonbProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the participants reason over: qualitative items and quantitative facts, each with an id to cite.
 *
 * @param items news, posts, filings, macro headlines
 * @param facts figures per symbol (and market-wide)
 */
public record Evidence(List<EvidenceItem> items, List<QuantFacts> facts) {

    public Evidence {
        items = items == null ? List.of() : List.copyOf(items);
        for (EvidenceItem item : items) {
            if (item.id() == null) {
                throw new IllegalArgumentException("every evidence item needs an id to be cited by");
            }
        }
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public static Evidence empty() {
        return new Evidence(List.of(), List.of());
    }

    /** Written as {@code "empty"}: JSON-B names a record's getters by their method names otherwise. */
    @JsonbProperty("empty")
    public boolean isEmpty() {
        return items.isEmpty() && facts.isEmpty();
    }

    /** This evidence and {@code other}'s, keeping the first of equal ids. */
    public Evidence plus(Evidence other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        Map<String, EvidenceItem> mergedItems = new LinkedHashMap<>();
        for (EvidenceItem item : items) {
            mergedItems.putIfAbsent(item.id(), item);
        }
        for (EvidenceItem item : other.items) {
            mergedItems.putIfAbsent(item.id(), item);
        }
        Map<String, QuantFacts> mergedFacts = new LinkedHashMap<>();
        for (QuantFacts fact : facts) {
            mergedFacts.putIfAbsent(fact.id(), fact);
        }
        for (QuantFacts fact : other.facts) {
            mergedFacts.putIfAbsent(fact.id(), fact);
        }
        return new Evidence(new ArrayList<>(mergedItems.values()), new ArrayList<>(mergedFacts.values()));
    }
}
