package com.finagent.web.portfolio;

import com.finagent.persistence.portfolio.Portfolio;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A portfolio as the API shows it (GraphQL's {@code Portfolio}). */
@Type("Portfolio")
public record PortfolioView(UUID id, String name, String description, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {

    public static PortfolioView of(Portfolio portfolio) {
        return new PortfolioView(portfolio.getId(), portfolio.getName(), portfolio.getDescription(),
                portfolio.getCreatedAt(), portfolio.getUpdatedAt());
    }
}
