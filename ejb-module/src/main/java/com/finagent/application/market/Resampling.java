package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Daily bars to weekly or monthly ones: first open, highest high, lowest low, last close, summed volume. */
public final class Resampling {

    private Resampling() {
    }

    public static List<DailyBar> resample(List<DailyBar> daily, String interval) {
        return switch (interval) {
            case "1d" -> daily;
            case "1wk" -> group(daily, d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "1mo" -> group(daily, d -> d.getYear() * 100L + d.getMonthValue());
            default -> throw new IllegalArgumentException("interval: must be one of 1d, 1wk, 1mo");
        };
    }

    private static List<DailyBar> group(List<DailyBar> daily, Function<LocalDate, Long> period) {
        List<DailyBar> out = new ArrayList<>();
        DailyBar current = null;
        long currentPeriod = Long.MIN_VALUE;
        for (DailyBar bar : daily) {
            long p = period.apply(bar.date());
            if (current == null || p != currentPeriod) {
                if (current != null) {
                    out.add(current);
                }
                current = bar;
                currentPeriod = p;
            } else {
                current = new DailyBar(bar.date(), current.open(), Math.max(current.high(), bar.high()),
                        Math.min(current.low(), bar.low()), bar.close(), current.volume() + bar.volume(),
                        current.closeOnly() && bar.closeOnly());
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }
}
