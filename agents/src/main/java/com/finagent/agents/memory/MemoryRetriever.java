package com.finagent.agents.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the long-term memories worth putting in front of the model for a new message: ranked by cosine similarity
 * of their {@link Embedder} vectors to the message's, with the risk tolerance and horizon always included because
 * every piece of advice depends on them. Thread-safe.
 */
public final class MemoryRetriever {

    /** Kinds included whatever the message. */
    public static final Set<MemoryKind> PINNED = Set.of(MemoryKind.RISK_TOLERANCE, MemoryKind.HORIZON);
    public static final int DEFAULT_LIMIT = 5;
    private static final int CACHE_SIZE = 4096;

    private final Embedder embedder;
    /**
     * Memories are embedded again on every turn when the caller keeps no vectors; texts repeat, so cache them. In
     * this node only (Caffeine, not a cluster-wide JCache): a vector is a pure function of its text and quick to
     * compute again, so sharing it would cost more in serialisation than it saves.
     */
    private final Cache<String, float[]> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    /** Memories less similar to the message than {@link Embedder#minRelatedScore()} are left out. */
    public MemoryRetriever(Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Every memory by similarity to the message, most similar first (ties keep the given order). */
    public List<RankedMemory<Memory>> rank(String message, List<Memory> memories) {
        return rank(message, memories, m -> m, m -> null);
    }

    /**
     * Ranks the caller's own items (e.g. {@code user_memories} rows).
     *
     * @param memoryOf    the memory an item carries
     * @param embeddingOf its stored vector if {@link #embedder()} made it, else null to embed its text now
     */
    public <T> List<RankedMemory<T>> rank(String message, List<T> items, Function<T, Memory> memoryOf,
                                          Function<T, float[]> embeddingOf) {
        float[] query = embedder.embed(message == null ? "" : message);
        List<RankedMemory<T>> ranked = new ArrayList<>();
        for (T item : items) {
            Memory memory = memoryOf.apply(item);
            float[] stored = embeddingOf.apply(item);
            float[] vector = stored != null && stored.length == query.length ? stored : cached(memory.text());
            ranked.add(new RankedMemory<>(item, memory, Embedder.cosine(query, vector),
                    PINNED.contains(memory.kind())));
        }
        ranked.sort(Comparator.comparingDouble((RankedMemory<T> r) -> r.score()).reversed());
        return ranked;
    }

    /** The memories for a prompt: up to {@code limit} related ones by score, plus every pinned one. */
    public List<Memory> select(String message, List<Memory> memories, int limit) {
        return select(message, memories, m -> m, m -> null, limit).stream().map(RankedMemory::memory).toList();
    }

    /** {@link #select(String, List, int)} over the caller's own items. */
    public <T> List<RankedMemory<T>> select(String message, List<T> items, Function<T, Memory> memoryOf,
                                            Function<T, float[]> embeddingOf, int limit) {
        List<RankedMemory<T>> chosen = new ArrayList<>();
        int related = 0;
        for (RankedMemory<T> candidate : rank(message, items, memoryOf, embeddingOf)) {
            if (candidate.pinned()) {
                chosen.add(candidate);
            } else if (related < limit && candidate.score() >= embedder.minRelatedScore()) {
                chosen.add(candidate);
                related++;
            }
        }
        return chosen;
    }

    /** The texts of {@link #select(String, List, int)}, as {@code ChatTurn} takes them. */
    public List<String> selectTexts(String message, List<Memory> memories) {
        return select(message, memories, DEFAULT_LIMIT).stream().map(Memory::text).toList();
    }

    private float[] cached(String text) {
        return cache.get(text, embedder::embed);
    }
}
