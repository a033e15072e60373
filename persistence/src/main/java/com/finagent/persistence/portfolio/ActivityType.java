package com.finagent.persistence.portfolio;

/**
 * What an activity did to an account. Trades and splits name a symbol; income, fees and cash movements carry an
 * amount. A split's quantity is the number of new shares for each old one (4 for a 4-for-1 split).
 */
public enum ActivityType {
    BUY, SELL, DIVIDEND, INTEREST, FEE, SPLIT, DEPOSIT, WITHDRAWAL;

    /** Whether the activity changes the number of shares held of its symbol. */
    public boolean tradesShares() {
        return this == BUY || this == SELL || this == SPLIT;
    }
}
