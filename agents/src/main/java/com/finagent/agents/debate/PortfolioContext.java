package com.finagent.agents.debate;

import java.util.List;

/**
 * The user's portfolio, when the debate should say what its view means for the user's positions.
 *
 * @param currency   currency of the values
 * @param totalValue value of the whole portfolio
 * @param positions  holdings
 */
public record PortfolioContext(String currency, Double totalValue, List<PortfolioPosition> positions) {

    public PortfolioContext {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }
}
