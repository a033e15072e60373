package com.finagent.application.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A simulated portfolio's value at each close from the first rebalance day on, with what it traded.
 *
 * @param exposures the share held after each rebalance day's trade (NaN where the strategy made no call)
 * @param turnover  the value traded over the average value, summed over the trades
 */
public record EquityCurve(List<LocalDate> dates, double[] values, int[] rebalanceDays, double[] exposures,
                          double costs, double turnover, int trades) {
}
