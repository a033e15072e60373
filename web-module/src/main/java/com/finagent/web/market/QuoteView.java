package com.finagent.web.market;

import com.finagent.application.market.Quote;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.LocalDate;

/** A symbol's latest price and its source, as GraphQL's {@code Quote}. */
@Type("Quote")
public record QuoteView(String symbol, double price, Double previousClose, LocalDate previousCloseDate, Double change,
                        Double changePercent, Instant timestamp, String source, boolean simulated) {

    static QuoteView of(Quote quote) {
        return new QuoteView(quote.symbol(), quote.price(), quote.previousClose(), quote.previousCloseDate(),
                quote.change(), quote.changePercent(), quote.timestamp(), quote.source(), quote.simulated());
    }
}
