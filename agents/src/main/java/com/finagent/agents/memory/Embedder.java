package com.finagent.agents.memory;

/**
 * Turns text into a vector for similarity search over memories and stored texts. The server uses the in-process
 * all-MiniLM-L6-v2 model ({@link MiniLmEmbedder}); the offline hashing embedder
 * ({@code com.finagent.agents.offline.memory.HashingEmbedder}) needs no model. Both give {@value #DIMENSIONS} values
 * ({@code user_memories.embedding}, {@code sentiment_data.embedding}), but vectors of different embedders are not
 * comparable: store {@link #id()} beside each vector and compare only equal ids.
 */
public interface Embedder {

    int DIMENSIONS = 384;

    /** A vector of {@link #dimensions()} values; implementations must be thread-safe. */
    float[] embed(String text);

    default int dimensions() {
        return DIMENSIONS;
    }

    /** Names the vector space, e.g. {@code hashing-384-v1} or {@code all-minilm-l6-v2}. */
    String id();

    /** The cosine similarity below which two texts are unrelated in this vector space. */
    double minRelatedScore();

    /** Cosine similarity; 0 when either vector is zero or their lengths differ. */
    static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
