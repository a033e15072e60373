package com.finagent.agents.memory;

/**
 * A candidate memory with its similarity to the message.
 *
 * @param item   what the caller passed (a {@link Memory}, or the server's own row)
 * @param memory the memory it carries
 * @param score  cosine similarity in [-1, 1]
 * @param pinned whether its kind is always included ({@link MemoryRetriever#PINNED})
 */
public record RankedMemory<T>(T item, Memory memory, double score, boolean pinned) {
}
