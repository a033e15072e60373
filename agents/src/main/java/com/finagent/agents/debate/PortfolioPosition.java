package com.finagent.agents.debate;

/**
 * One holding of the user, cited as {@code portfolio:SYMBOL}.
 *
 * @param symbol           ticker
 * @param quantity         units held
 * @param weight           share of the portfolio's value, 0..1
 * @param marketValue      value at the current price
 * @param unrealizedPnl    profit or loss against cost
 * @param unrealizedPnlPct the same as a fraction of cost
 */
public record PortfolioPosition(String symbol, Double quantity, Double weight, Double marketValue,
                                Double unrealizedPnl, Double unrealizedPnlPct) {
}
