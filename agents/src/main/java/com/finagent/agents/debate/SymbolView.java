package com.finagent.agents.debate;

/**
 * A participant's view on one symbol when a debate covers several.
 *
 * @param symbol ticker
 * @param stance view
 * @param score  score behind it, in [-1, 1], when the model gives one
 */
public record SymbolView(String symbol, Stance stance, Double score) {
}
