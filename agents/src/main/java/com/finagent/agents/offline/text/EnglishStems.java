package com.finagent.agents.offline.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Porter stem of one lower-case English word, by Lucene's {@link PorterStemFilter}: "rises", "rising" and "rise"
 * meet, as do "increased" and "increases". The offline sentiment model and the hashing embedder stem through here;
 * they split their texts into words themselves, because each keeps what matters to it (numbers and their signs,
 * cashtags, apostrophes). Of the English stemmers that Lucene ships, Porter's gave the sentiment model its best
 * accuracy on the held-out data; the lighter ones (KStem, the minimal plural stemmer) each lost a sentence of the
 * news checks. Thread-safe: the analyzer keeps one token stream per thread.
 */
public final class EnglishStems {

    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer word = new KeywordTokenizer();
            return new TokenStreamComponents(word, new PorterStemFilter(word));
        }
    };

    private EnglishStems() {
    }

    /** The stem of a lower-case word; the word itself when the stemmer leaves it as it is. */
    public static String stem(String word) {
        if (word.isEmpty()) {
            return word;
        }
        try (TokenStream stream = STEMMER.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene could not read a word held in memory", e);
        }
    }
}
