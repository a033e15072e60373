package com.finagent.application.macro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The standard US indicators read from FRED, and the figures derived from them here rather than by FRED's own
 * transformations, so that each figure shows the observations it rests on: inflation year over year from the price
 * indexes, changes over a period from two observations, the payrolls change from two monthly levels.
 */
public final class UsIndicators {

    public static final String REGION = "US";
    public static final String PROVIDER = "FRED, Federal Reserve Bank of St. Louis";

    /** Fetches a series' observations dated on or after a start date, newest first. */
    @FunctionalInterface
    public interface Fetch {
        List<FredObservation> observations(String seriesId, LocalDate start);
    }

    private enum Kind { LEVEL, RATIO_CHANGE, DIFFERENCE }

    /**
     * How one figure is read from its series: the latest value, or a change against the observation {@code period}
     * earlier (for daily series the last one on or before that day, at most {@code toleranceDays} before it; for
     * monthly series that exact month), times {@code scale}, rounded to {@code decimals}.
     */
    private record Figure(String metric, String label, String units, Kind kind, Period period, int toleranceDays,
                          double scale, int decimals) {

        static Figure level(String metric, String label, String units, double scale, int decimals) {
            return new Figure(metric, label, units, Kind.LEVEL, Period.ZERO, 0, scale, decimals);
        }
    }

    private record Series(String id, Period lookback, List<Figure> figures) {
    }

    private static final Period MONTHLY_LOOKBACK = Period.ofMonths(30);
    private static final Period DAILY_LOOKBACK = Period.ofMonths(5);
    private static final Period THREE_MONTHS = Period.ofMonths(3);
    private static final Period YEAR = Period.ofYears(1);
    private static final int DAILY_TOLERANCE_DAYS = 7;
    private static final String PERCENT = MacroFigure.PERCENT;
    private static final String BP = "basis points";

    private static final List<Series> SERIES = List.of(
            new Series("CPIAUCSL", MONTHLY_LOOKBACK, List.of(new Figure("inflationYoY", "CPI inflation, year over year",
                    PERCENT, Kind.RATIO_CHANGE, YEAR, 0, 100, 2))),
            new Series("CPILFESL", MONTHLY_LOOKBACK, List.of(new Figure("coreInflationYoY",
                    "core CPI inflation (excluding food and energy), year over year", PERCENT, Kind.RATIO_CHANGE,
                    YEAR, 0, 100, 2))),
            new Series("UNRATE", MONTHLY_LOOKBACK, List.of(
                    Figure.level("unemployment", "unemployment rate", PERCENT, 1, 2),
                    new Figure("unemploymentChange", "change in the unemployment rate over 12 months",
                            "percentage points", Kind.DIFFERENCE, YEAR, 0, 1, 2))),
            new Series("PAYEMS", Period.ofMonths(12), List.of(new Figure("payrollsChange",
                    "change in nonfarm payrolls over the month", "thousand jobs", Kind.DIFFERENCE,
                    Period.ofMonths(1), 0, 1, 0))),
            new Series("DFF", DAILY_LOOKBACK, List.of(
                    Figure.level("policyRate", "effective federal funds rate", PERCENT, 1, 2),
                    new Figure("policyRateChange", "change in the effective federal funds rate over 3 months", BP,
                            Kind.DIFFERENCE, THREE_MONTHS, DAILY_TOLERANCE_DAYS, 100, 0))),
            new Series("DGS10", DAILY_LOOKBACK, List.of(
                    Figure.level("yield10y", "10-year Treasury yield", PERCENT, 1, 2),
                    new Figure("yield10yChange", "change in the 10-year Treasury yield over 3 months", BP,
                            Kind.DIFFERENCE, THREE_MONTHS, DAILY_TOLERANCE_DAYS, 100, 0))),
            new Series("T10Y2Y", Period.ofMonths(1), List.of(Figure.level("yieldCurve10y2y",
                    "10-year minus 2-year Treasury yield spread", BP, 100, 0))),
            new Series("A191RL1Q225SBEA", Period.ofYears(2), List.of(Figure.level("gdpGrowth",
                    "real GDP growth, quarter over quarter at an annual rate", PERCENT, 1, 2))));

    private static final Set<String> US_NAMES = Set.of("", "US", "USA", "UNITEDSTATES", "UNITEDSTATESOFAMERICA", "AMERICA");

    private UsIndicators() {
    }

    /** Whether {@code region} names the United States (or none, which means it): FRED's series are US series. */
    public static boolean covers(String region) {
        return region == null || US_NAMES.contains(region.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", ""));
    }

    /** The FRED series the snapshot reads, in order. */
    public static List<String> seriesIds() {
        return SERIES.stream().map(Series::id).toList();
    }

    /**
     * Asks FRED for each series and reads its figures. A series that fails, or has too few observations for a
     * figure, is listed as missing; after a rejection (a bad key, a rate limit) the remaining series are not asked.
     */
    public static MacroSnapshot snapshot(Fetch fetch, LocalDate today, Instant now) {
        List<MacroFigure> figures = new ArrayList<>();
        List<MacroSnapshot.Missing> missing = new ArrayList<>();
        FredRejectedException rejected = null;
        for (Series series : SERIES) {
            if (rejected != null) {
                missing.add(new MacroSnapshot.Missing(series.id(), "not asked: " + rejected.getMessage()));
                continue;
            }
            try {
                List<FredObservation> observations = fetch.observations(series.id(), today.minus(series.lookback()));
                for (Figure figure : series.figures()) {
                    read(series.id(), figure, observations).ifPresentOrElse(figures::add,
                            () -> missing.add(new MacroSnapshot.Missing(series.id(), "too few observations for "
                                    + figure.metric() + " since " + today.minus(series.lookback()))));
                }
            } catch (FredRejectedException e) {
                rejected = e;
                missing.add(new MacroSnapshot.Missing(series.id(), e.getMessage()));
            } catch (FredUnavailableException e) {
                missing.add(new MacroSnapshot.Missing(series.id(), e.getMessage()));
            }
        }
        return new MacroSnapshot(REGION, PROVIDER, now, figures, missing, false);
    }

    private static Optional<MacroFigure> read(String seriesId, Figure figure, List<FredObservation> newestFirst) {
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        if (figure.kind() == Kind.LEVEL) {
            FredObservation latest = newestFirst.get(0);
            return Optional.of(figure(seriesId, figure, latest.value() * figure.scale(), latest.date(),
                    "latest observation " + plain(latest.value()) + " on " + latest.date()));
        }
        for (FredObservation latest : newestFirst) {
            Optional<FredObservation> base = earlier(newestFirst, latest.date().minus(figure.period()), figure.toleranceDays())
                    .filter(o -> figure.kind() != Kind.RATIO_CHANGE || o.value() != 0);
            if (base.isPresent()) {
                double then = base.get().value();
                double change = figure.kind() == Kind.RATIO_CHANGE ? latest.value() / then - 1 : latest.value() - then;
                return Optional.of(figure(seriesId, figure, change * figure.scale(), latest.date(),
                        plain(latest.value()) + " on " + latest.date() + " against " + plain(then) + " on "
                                + base.get().date()));
            }
        }
        return Optional.empty();
    }

    /** The last observation on or before {@code target}, at most {@code toleranceDays} before it. */
    private static Optional<FredObservation> earlier(List<FredObservation> newestFirst, LocalDate target, int toleranceDays) {
        LocalDate oldest = target.minusDays(toleranceDays);
        return newestFirst.stream().filter(o -> !o.date().isAfter(target)).findFirst()
                .filter(o -> !o.date().isBefore(oldest));
    }

    private static MacroFigure figure(String seriesId, Figure figure, double value, LocalDate date, String basis) {
        double rounded = BigDecimal.valueOf(value).setScale(figure.decimals(), RoundingMode.HALF_UP).doubleValue();
        return new MacroFigure(figure.metric(), figure.label(), rounded, figure.units(), date, MacroFigure.SOURCE,
                seriesId, seriesId + " " + basis, "https://fred.stlouisfed.org/series/" + seriesId);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
