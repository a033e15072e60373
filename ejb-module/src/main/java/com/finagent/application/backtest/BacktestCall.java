package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The rating a backtest's debate gave one symbol on one rebalance day, and the debate behind it.
 *
 * @param rating   STRONG_BUY … STRONG_SELL; null when the debate gave none (insufficient evidence, or it failed)
 * @param exposure the share held after the day's trade by {@link RatingExposure}; null for no call (unchanged)
 * @param headline the debate's headline, or why it gave no rating
 * @param tokens   tokens the debate used
 * @param textItems news, filings and posts dated before the day that the debate found (offline, dated text is
 *                 sparse: February 2015 tweets and the SEC samples)
 * @param confidence   the consensus confidence, null without a consensus
 * @param symbolReturn the symbol's return from the day's close to the next rebalance's (or the last day's)
 * @param spyReturn    SPY's return over the same days, null without SPY prices for them
 */
public record BacktestCall(String symbol, LocalDate day, UUID debateId, String rating, Double exposure,
                           String headline, long tokens, int textItems, Double confidence, Double symbolReturn,
                           Double spyReturn) {

    /** This call with how the symbol and SPY did until the next rebalance, for the scorecard. */
    public BacktestCall withOutcome(Double newSymbolReturn, Double newSpyReturn) {
        return new BacktestCall(symbol, day, debateId, rating, exposure, headline, tokens, textItems, confidence,
                newSymbolReturn, newSpyReturn);
    }
}
