package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.Embedder;
import com.finagent.agents.memory.MiniLmEmbedder;
import com.finagent.agents.offline.text.EnglishStems;
import com.finagent.agents.offline.text.WordLists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embedder that needs no model: words (Porter-stemmed, stop words dropped), their character trigrams and a few
 * financial concepts, hashed with signs into {@value Embedder#DIMENSIONS} dimensions and L2-normalised. Texts
 * sharing words, word stems or concepts ("risky" and "risk tolerance", "retire" and "horizon") score high under
 * cosine similarity. Deterministic across runs and machines, tiny and instant: the tests' embedder, and the server's
 * fallback when the {@link MiniLmEmbedder} model cannot be loaded on its platform.
 */
public final class HashingEmbedder implements Embedder {

    /** Names the vector space; a new stemmer made it v2, and vectors stored under v1 are embedded again. */
    public static final String ID = "hashing-384-v2";
    /** Unrelated texts share no hashed feature and score near 0. */
    private static final double MIN_RELATED_SCORE = 0.12;

    private static final float WORD_WEIGHT = 1.0f;
    private static final float CONCEPT_WEIGHT = 1.0f;
    private static final float GRAM_WEIGHT = 0.35f;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final WordLists WORDS = WordLists.load(HashingEmbedder.class, "embedder-words.txt");
    private static final Set<String> STOP = WORDS.set("stop-words");

    /** Words that stand for one idea; the concept is a feature of its own, so related words meet. */
    private static final Map<String, String> CONCEPTS = concepts();

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : words(text)) {
            add(vector, "w:" + word, WORD_WEIGHT);
            String concept = CONCEPTS.get(word);
            if (concept != null) {
                add(vector, "c:" + concept, CONCEPT_WEIGHT);
            }
            String padded = "#" + word + "#";
            int grams = Math.max(1, padded.length() - 2);
            float gramWeight = (float) (GRAM_WEIGHT / Math.sqrt(grams));
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(vector, "g:" + padded.substring(i, i + 3), gramWeight);
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double minRelatedScore() {
        return MIN_RELATED_SCORE;
    }

    /** Lower-cased, stemmed content words of a text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9$'.]+")) {
            String word = raw.replaceAll("^[$'.]+|[.']+$", "").replace("'s", "");
            if (word.isEmpty() || STOP.contains(word)) {
                continue;
            }
            words.add(stem(word));
        }
        return words;
    }

    /** Short words and words with digits ("2030", "401k") stay as they are; the others get their Porter stem. */
    private static String stem(String word) {
        if (word.length() <= 3 || word.matches(".*\\d.*")) {
            return word;
        }
        return EnglishStems.stem(word);
    }

    private static void add(float[] vector, String feature, float weight) {
        long hash = FNV_OFFSET;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        int index = (int) Long.remainderUnsigned(hash >>> 1, DIMENSIONS);
        vector[index] += (hash & 1L) == 0 ? weight : -weight;
    }

    private static Map<String, String> concepts() {
        Map<String, String> map = new HashMap<>();
        for (WordLists.Section section : WORDS.sections()) {
            if (section.name().equals("concept")) {
                put(map, section.parameters().get(0), section.entries());
            }
        }
        return Map.copyOf(map);
    }

    private static void put(Map<String, String> map, String concept, List<String> words) {
        for (String word : words) {
            map.put(stem(word), concept);
        }
    }
}
