package com.finagent.application.backtest;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** How often a backtest decides: on the first trading day of each week or of each month. */
public enum RebalanceFrequency {
    WEEKLY, MONTHLY;

    /** The indices of the rebalance days among {@code dates} (in order) that fall within [from, to]. */
    public List<Integer> days(List<LocalDate> dates, LocalDate from, LocalDate to) {
        List<Integer> days = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            boolean inRange = !date.isBefore(from) && !date.isAfter(to);
            if (inRange && (previous == null || startsNewPeriod(previous, date))) {
                days.add(i);
            }
            if (inRange) {
                previous = date;
            }
        }
        return days;
    }

    private boolean startsNewPeriod(LocalDate previous, LocalDate date) {
        return switch (this) {
            case WEEKLY -> previous.get(IsoFields.WEEK_BASED_YEAR) != date.get(IsoFields.WEEK_BASED_YEAR)
                    || previous.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY -> previous.getYear() != date.getYear() || previous.getMonth() != date.getMonth();
        };
    }
}
