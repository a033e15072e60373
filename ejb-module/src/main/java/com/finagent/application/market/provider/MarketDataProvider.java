package com.finagent.application.market.provider;


import java.time.LocalDate;
import java.util.List;

/** A remote source of quotes and daily bars, asked in order by the market-data service. */
public interface MarketDataProvider {

    /** The name shown to users as the source of an answer. */
    String name();

    /** False when the provider has no key (or is disabled): it is skipped. */
    boolean configured();

    /** The last trade price of {@code symbol}. */
    double lastPrice(String symbol);

    /** Daily bars between two dates, inclusive, oldest first. */
    List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to);
}
