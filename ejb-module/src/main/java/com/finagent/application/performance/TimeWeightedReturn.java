package com.finagent.application.performance;

import java.util.List;

/**
 * The time-weighted return: the growth of one unit invested at the start, chain-linking the returns between
 * flows so that the timing and size of deposits and withdrawals do not count (the GIPS measure of a manager).
 * Each day's return is {@code V_t / (V_{t-1} + F_t) - 1}, the flow {@code F_t} arriving at the start of the day.
 */
public final class TimeWeightedReturn {

    private TimeWeightedReturn() {
    }

    /**
     * The growth index of {@code days}: the growth of 1 held from before the first day (when nothing was
     * invested, so the first day's return is its close over its flow) to each day's close. A day that starts
     * with nothing invested (no value and no flow) has no return and keeps the index where it was.
     */
    public static double[] index(List<ValuationDay> days) {
        double[] index = new double[days.size()];
        double previousIndex = 1.0;
        double previousValue = 0.0;
        for (int i = 0; i < days.size(); i++) {
            double invested = previousValue + days.get(i).flow();
            double growth = invested > 0 ? days.get(i).value() / invested : 1.0;
            index[i] = previousIndex * growth;
            previousIndex = index[i];
            previousValue = days.get(i).value();
        }
        return index;
    }

    /** The time-weighted return from before the first day to the last day's close. */
    public static double over(List<ValuationDay> days) {
        double[] index = index(days);
        return days.isEmpty() ? 0.0 : index[index.length - 1] - 1.0;
    }
}
