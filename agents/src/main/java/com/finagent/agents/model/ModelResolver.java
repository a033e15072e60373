package com.finagent.agents.model;

/** Chooses the chat model of one debate participant. */
@FunctionalInterface
public interface ModelResolver {

    /**
     * @param participantId participant, e.g. {@code technical} or {@code moderator}
     * @param requested     model the debate request asks for this participant ({@code provider:model},
     *                      {@code model} or {@code offline}), null for the configured one
     * @param seed          the debate's seed, for providers that take one
     */
    ResolvedModel resolve(String participantId, String requested, long seed);
}
