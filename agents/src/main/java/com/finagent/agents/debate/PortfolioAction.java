package com.finagent.agents.debate;

import java.util.List;

/**
 * What the recommendation means for one of the user's positions.
 *
 * @param symbol   ticker
 * @param action   e.g. "hold; do not add", "trim to reduce concentration", "reduce"
 * @param reason   why, quoting the position's weight and P&L
 * @param evidence citations ({@code portfolio:SYMBOL}, …)
 */
public record PortfolioAction(String symbol, String action, String reason, List<String> evidence) {

    public PortfolioAction {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
