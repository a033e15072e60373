package com.finagent.application.backtest;

import java.util.OptionalDouble;

/**
 * What a backtest holds: on a rebalance day, the share of the portfolio to keep in the symbol (0 to 1: long only,
 * no leverage), or empty to leave the holding as it is. A strategy must decide from what was known at the
 * previous close: the simulation trades at the rebalance day's close.
 */
@FunctionalInterface
public interface Strategy {

    OptionalDouble exposure(int day);
}
