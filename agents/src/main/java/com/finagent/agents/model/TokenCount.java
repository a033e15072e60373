package com.finagent.agents.model;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Tokens a call, a step or a debate used.
 *
 * @param input  prompt tokens
 * @param output completion tokens
 */
public record TokenCount(long input, long output) {

    public static final TokenCount ZERO = new TokenCount(0, 0);

    public long total() {
        return input + output;
    }

    /** The total in the JSON too: JSON-B writes a record's components and getters, not its other methods. */
    @JsonbProperty("total")
    public long getTotal() {
        return total();
    }

    public TokenCount plus(TokenCount other) {
        return other == null ? this : new TokenCount(input + other.input, output + other.output);
    }
}
