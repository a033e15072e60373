package com.finagent.application.macro;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The standard indicators of an economy at one moment: the figures that could be read, and for each series that
 * could not, why. Cached, so it is serialisable.
 *
 * @param region    {@code US}
 * @param provider  who publishes the figures
 * @param fetchedAt when FRED was asked
 * @param figures   in a fixed order: inflation, labour market, policy rate, yields, growth
 * @param missing   series that gave no figure, with the reason
 * @param cached    whether this answer came from the cache
 */
public record MacroSnapshot(String region, String provider, Instant fetchedAt, List<MacroFigure> figures,
                            List<Missing> missing, boolean cached) implements Serializable {

    /** A series that gave no figure, and why (FRED's own explanation where it gave one). */
    public record Missing(String seriesId, String reason) implements Serializable {
    }

    public MacroSnapshot {
        figures = List.copyOf(figures);
        missing = List.copyOf(missing);
    }

    /** The date of the newest observation behind any figure; null when there are none. */
    public LocalDate latestDate() {
        return figures.stream().map(MacroFigure::date).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Why a series is missing, the first one's reason (after a rejection the others only repeat it); null if none is. */
    public String failure() {
        return missing.isEmpty() ? null : missing.get(0).reason();
    }

    public MacroSnapshot fromCache() {
        return new MacroSnapshot(region, provider, fetchedAt, figures, missing, true);
    }
}
