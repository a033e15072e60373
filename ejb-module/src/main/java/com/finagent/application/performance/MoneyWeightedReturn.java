package com.finagent.application.performance;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The money-weighted return (internal rate of return) of dated cash flows, as spreadsheet XIRR computes it: the
 * annual rate {@code r} at which {@code sum(amount_i / (1 + r)^((date_i - date_0) / 365))} is zero. Amounts are
 * seen from the investor: money put in is negative, money taken out (and the value at the end) positive.
 */
public final class MoneyWeightedReturn {

    /** A cash flow on a date. */
    public record DatedAmount(LocalDate date, double amount) {
    }

    private static final double LOWEST_RATE = -0.999_999_999;
    private static final double HIGHEST_RATE = 1.0e6;

    private MoneyWeightedReturn() {
    }

    /**
     * The rate, or empty when there is none: flows all of one sign, or fewer than two of them. Found by Brent's
     * method on a bracket that starts at [-99.9999999 %, 100 %] and widens upwards; Newton's method, which
     * spreadsheets use, can miss the root from a poor guess.
     */
    public static OptionalDouble xirr(List<DatedAmount> flows) {
        boolean anyIn = flows.stream().anyMatch(f -> f.amount() < 0);
        boolean anyOut = flows.stream().anyMatch(f -> f.amount() > 0);
        if (flows.size() < 2 || !anyIn || !anyOut) {
            return OptionalDouble.empty();
        }
        LocalDate first = flows.stream().map(DatedAmount::date).min(LocalDate::compareTo).orElseThrow();
        UnivariateFunction presentValue = rate -> {
            double sum = 0;
            for (DatedAmount flow : flows) {
                double years = ChronoUnit.DAYS.between(first, flow.date()) / 365.0;
                sum += flow.amount() / Math.pow(1 + rate, years);
            }
            return sum;
        };
        double low = LOWEST_RATE;
        double high = 1.0;
        while (Math.signum(presentValue.value(low)) == Math.signum(presentValue.value(high))) {
            if (high >= HIGHEST_RATE) {
                return OptionalDouble.empty();
            }
            high *= 10;
        }
        try {
            return OptionalDouble.of(new BrentSolver(1e-12, 1e-12).solve(10_000, presentValue, low, high));
        } catch (MathIllegalStateException noConvergence) {
            return OptionalDouble.empty();
        }
    }
}
