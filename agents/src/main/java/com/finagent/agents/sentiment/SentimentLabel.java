package com.finagent.agents.sentiment;

/** The three classes of financial sentiment, from an investor's point of view. */
public enum SentimentLabel {
    NEGATIVE,
    POSITIVE,
    NEUTRAL
}
