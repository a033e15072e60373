package com.finagent.application.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Quotes as compact strings for the distributed cache: Hazelcast keeps strings with its own fast serializer,
 * where a record would go through Java serialization on every cache hit.
 */
final class QuoteCodec {

    private static final String SEPARATOR = "\u001f";

    private QuoteCodec() {
    }

    static String encode(Quote quote) {
        return String.join(SEPARATOR, quote.symbol(), Double.toString(quote.price()), text(quote.previousClose()),
                text(quote.previousCloseDate()), text(quote.change()), text(quote.changePercent()),
                Long.toString(quote.timestamp().toEpochMilli()), quote.source(), Boolean.toString(quote.simulated()));
    }

    static Quote decode(String encoded) {
        String[] f = encoded.split(SEPARATOR, -1);
        return new Quote(f[0], Double.parseDouble(f[1]), number(f[2]), f[3].isEmpty() ? null : LocalDate.parse(f[3]),
                number(f[4]), number(f[5]), Instant.ofEpochMilli(Long.parseLong(f[6])), f[7], Boolean.parseBoolean(f[8]),
                true);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Double number(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }
}
