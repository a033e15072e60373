package com.finagent.application.market.provider;

import java.io.Serializable;
import java.time.LocalDate;

/** One option contract of a chain: the day's volume and last price, open interest and implied volatility. */
public record OptionContract(String ticker, String type, double strike, LocalDate expiration, long volume,
                             Long openInterest, Double lastPrice, Double impliedVolatility) implements Serializable {
}
