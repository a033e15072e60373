package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;

/**
 * A debate's token budget: the tokens its model calls have used so far, and whether a next step fits. The engine
 * estimates a step in whitespace words (what it can count before calling) and this turns words into tokens with the
 * tokens per word, and the output tokens per call, that the models have reported so far. A limit of zero or less is
 * no limit.
 */
final class TokenBudget {

    private final long limit;
    private TokenCount used = TokenCount.ZERO;
    private long inputWords;
    private long modelCalls;

    TokenBudget(long limit) {
        this.limit = limit;
    }

    /** A participant's turn sent {@code words} whitespace words in {@code calls} model calls. */
    void countTurn(long words, long calls) {
        inputWords += words;
        modelCalls += calls;
    }

    /** A step's calls, all its participants' turns together, used {@code tokens}. */
    void countStep(TokenCount tokens) {
        used = used.plus(tokens);
    }

    /** The tokens used so far. */
    TokenCount used() {
        return used;
    }

    /** Whether the tokens used have reached a limit. */
    boolean spent() {
        return limit > 0 && used.total() >= limit;
    }

    /** Whether {@code nextTokens} more stay within the limit. */
    boolean affords(long nextTokens) {
        return limit <= 0 || used.total() + nextTokens <= limit;
    }

    /** The input tokens {@code words} whitespace words will take, at the rate seen so far (one a word at first). */
    long tokensForWords(long words) {
        double tokensPerWord = inputWords == 0 ? 1 : Math.max(1, (double) used.input() / inputWords);
        return (long) Math.ceil(words * tokensPerWord);
    }

    /** The output tokens a call has taken on average so far (none before the first call). */
    long outputPerCall() {
        return modelCalls == 0 ? 0 : used.output() / modelCalls;
    }
}
