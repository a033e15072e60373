package com.finagent.agents.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens a call, a step or a debate used.
 *
 * @param input  prompt tokens
 * @param output completion tokens
 */
public record TokenCount(long input, long output) {

    public static final TokenCount ZERO = new TokenCount(0, 0);

    @JsonProperty("total")
    public long total() {
        return input + output;
    }

    public TokenCount plus(TokenCount other) {
        return other == null ? this : new TokenCount(input + other.input, output + other.output);
    }
}
