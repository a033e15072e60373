package com.finagent.agents.sentiment;

import java.util.ArrayList;
import java.util.List;

/** Scores news and social texts for financial sentiment. Implementations are thread-safe. */
public interface SentimentModel {

    /** Scores one text; null, empty or blank text gives {@link SentimentResult#nothing()}. */
    SentimentResult score(String text);

    /** Scores texts in order; the result has one entry for each input. */
    default List<SentimentResult> scoreAll(List<String> texts) {
        List<SentimentResult> results = new ArrayList<>(texts.size());
        for (String text : texts) {
            results.add(score(text));
        }
        return results;
    }
}
