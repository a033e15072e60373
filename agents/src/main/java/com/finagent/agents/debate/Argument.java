package com.finagent.agents.debate;

import java.util.List;

/**
 * One point of a position.
 *
 * @param claim      the point, quoting figures only from the evidence
 * @param evidence   cited ids: evidence items, {@code factsId#metric}, tool result ids, {@code portfolio:SYMBOL}
 * @param direction  bullish, bearish or neutral
 * @param respondsTo participant whose point this answers, null for an own point
 */
public record Argument(String claim, List<String> evidence, String direction, String respondsTo) {

    public Argument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        direction = direction == null ? "neutral" : direction;
    }
}
