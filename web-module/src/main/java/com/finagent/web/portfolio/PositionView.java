package com.finagent.web.portfolio;

import com.finagent.persistence.portfolio.Position;

import java.math.BigDecimal;
import java.util.UUID;

/** A position as stored; the summary adds current prices and P&L. */
public record PositionView(UUID id, UUID accountId, String symbol, BigDecimal quantity, BigDecimal averageCost,
                           boolean linked) {

    static PositionView of(Position position) {
        return new PositionView(position.getId(), position.getAccountId(), position.getSymbol(),
                position.getQuantity(), position.getAverageCost(), position.getPlaidSecurityId() != null);
    }
}
