package com.finagent.application.market.provider;

/** The provider answered, but has no data for the symbol: not retried, the next provider is asked. */
public class SymbolUnknownException extends RuntimeException {

    public SymbolUnknownException(String provider, String symbol) {
        super(provider + " has no data for " + symbol);
    }
}
