package com.finagent.application.performance;

import java.time.LocalDate;

/** The windows a portfolio's returns are reported over, each ending on the last valued day. */
public enum PerformancePeriod {
    ONE_MONTH("1M"), THREE_MONTHS("3M"), YEAR_TO_DATE("YTD"), ONE_YEAR("1Y"), ALL("ALL");

    private final String label;

    PerformancePeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The close the window starts from; null for {@link #ALL}, which starts with the first activity. */
    LocalDate startingClose(LocalDate end) {
        return switch (this) {
            case ONE_MONTH -> end.minusMonths(1);
            case THREE_MONTHS -> end.minusMonths(3);
            case YEAR_TO_DATE -> LocalDate.of(end.getYear() - 1, 12, 31);
            case ONE_YEAR -> end.minusYears(1);
            case ALL -> null;
        };
    }
}
