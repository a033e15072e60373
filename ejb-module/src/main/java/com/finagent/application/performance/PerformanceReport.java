package com.finagent.application.performance;

import com.finagent.application.ledger.Holding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's performance from its activities, in its one currency.
 *
 * @param method    how the figures are computed, in words a user can check
 * @param sources   which market-data source priced each symbol and the benchmark
 */
public record PerformanceReport(String currency, String benchmark, LocalDate from, LocalDate to,
                                List<HoldingValue> holdings, Totals totals, List<PeriodReturn> returns,
                                double maxDrawdown, List<Point> series, String method, List<String> sources) {

    /** The report of a portfolio without activities: nothing to replay, so no history and no returns. */
    static PerformanceReport withoutActivities(String benchmark, String method) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new PerformanceReport(null, benchmark, null, null, List.of(),
                new Totals(zero, zero, zero, zero, zero, zero, zero, zero, zero), List.of(), 0.0, List.of(), method,
                List.of());
    }

    /** A holding valued at the last close: FIFO cost basis, unrealised and realised gains. */
    public record HoldingValue(Holding holding, Double lastPrice, BigDecimal marketValue, BigDecimal unrealisedGain) {
    }

    /** Sums over all holdings. */
    public record Totals(BigDecimal marketValue, BigDecimal costBasis, BigDecimal unrealisedGain,
                         BigDecimal realisedGain, BigDecimal dividends, BigDecimal interest, BigDecimal fees,
                         BigDecimal cash, BigDecimal netInvested) {
    }

    /**
     * The time-weighted and money-weighted (XIRR, annual) returns of one window, and the benchmark's return
     * over the same closes; a window longer than the history is left out.
     */
    public record PeriodReturn(String period, LocalDate from, double timeWeighted, Double moneyWeighted,
                               Double benchmark) {
    }

    /** One close: the value, the money put in so far, the growth of 1 (time-weighted) and of the benchmark. */
    public record Point(LocalDate date, double value, double netInvested, double growth, Double benchmarkGrowth,
                        double drawdown) {
    }
}
