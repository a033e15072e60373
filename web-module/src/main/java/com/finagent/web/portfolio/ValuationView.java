package com.finagent.web.portfolio;

import com.finagent.application.portfolio.PortfolioValuation;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A portfolio's positions at current prices and its totals, as GraphQL's {@code Valuation}. */
@Type("Valuation")
public record ValuationView(List<Position> positions, BigDecimal costBasis, BigDecimal marketValue,
                            BigDecimal unrealizedPnl, Double unrealizedPnlPercent, BigDecimal dayChange,
                            Double dayChangePercent, OffsetDateTime asOf) {

    /** One position at its current price. */
    @Type("PositionValue")
    public record Position(UUID id, UUID accountId, String accountName, String symbol, String name, String sector,
                           BigDecimal quantity, BigDecimal averageCost, BigDecimal costBasis, BigDecimal price,
                           BigDecimal marketValue, BigDecimal unrealizedPnl, Double unrealizedPnlPercent,
                           BigDecimal dayChange, String priceSource, boolean linked) {

        static Position of(PortfolioValuation.PositionValue value) {
            return new Position(value.id(), value.accountId(), value.accountName(), value.symbol(), value.name(),
                    value.sector(), value.quantity(), value.averageCost(), value.costBasis(), value.price(),
                    value.marketValue(), value.unrealizedPnl(), value.unrealizedPnlPercent(), value.dayChange(),
                    value.priceSource(), value.linked());
        }
    }

    static ValuationView of(PortfolioValuation.Summary summary) {
        return new ValuationView(summary.positions().stream().map(Position::of).toList(), summary.costBasis(),
                summary.marketValue(), summary.unrealizedPnl(), summary.unrealizedPnlPercent(), summary.dayChange(),
                summary.dayChangePercent(), summary.asOf());
    }
}
