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
     * The streaming model that {@link #resolve} chooses for the same arguments. A resolver with blocking models only
     * streams each answer word by word once it is complete, as our offline model does; the model catalogue gives
     * the providers' own token streams.
     */
    default ResolvedStreamingModel resolveStreaming(String participantId, String requested, long seed) {
        ResolvedModel blocking = resolve(participantId, requested, seed);
        return new ResolvedStreamingModel(blocking.id(), new WordStreamingChatModel(blocking.model()));
    }
}
