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

    /**
     * The streaming model that {@link #resolve} chooses for the same arguments. A resolver that cannot stream says
     * so rather than passing a blocking answer off as a stream.
     *
     * @throws UnsupportedOperationException when this resolver has no streaming models
     */
    default ResolvedStreamingModel resolveStreaming(String participantId, String requested, long seed) {
        throw new UnsupportedOperationException(getClass().getName() + " resolves no streaming models");
    }
}
