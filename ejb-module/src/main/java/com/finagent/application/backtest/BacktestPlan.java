package com.finagent.application.backtest;

import com.finagent.agents.debate.DebateRequest;
import com.finagent.agents.debate.DebateSettings;
import com.finagent.agents.debate.Evidence;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The debates a backtest runs: one per symbol and rebalance day, in date order, each "as of" its day, with a seed
 * derived from the backtest's so that a replay asks the same questions with the same seeds.
 */
public final class BacktestPlan {

    private final BacktestQuery query;
    private final long seed;
    private final Map<String, PriceTrack> tracks = new LinkedHashMap<>();
    private final Map<String, List<Integer>> rebalanceDays = new LinkedHashMap<>();
    private final List<Rebalance> rebalances = new ArrayList<>();

    /** One debate of the plan: the symbol, its rebalance day and its place in the plan (0, 1, …). */
    public record Rebalance(int index, String symbol, LocalDate day) {
    }

    /**
     * @param histories each symbol's daily history, covering at least the period (earlier days feed the indicators)
     * @throws IllegalArgumentException "period: …" when a symbol has no trading day in the period
     */
    public BacktestPlan(BacktestQuery query, Map<String, PriceSeries> histories, long seed) {
        this.query = query;
        this.seed = seed;
        List<Rebalance> unordered = new ArrayList<>();
        for (String symbol : query.symbols()) {
            PriceTrack track = track(symbol, histories.get(symbol), query.to());
            List<Integer> days = query.frequency().days(track.dates(), query.from(), query.to());
            if (days.isEmpty()) {
                throw new IllegalArgumentException("period: no trading day of " + symbol + " falls between "
                        + query.from() + " and " + query.to());
            }
            tracks.put(symbol, track);
            rebalanceDays.put(symbol, days);
            days.forEach(day -> unordered.add(new Rebalance(0, symbol, track.dates().get(day))));
        }
        unordered.sort(Comparator.comparing(Rebalance::day));
        for (int i = 0; i < unordered.size(); i++) {
            rebalances.add(new Rebalance(i, unordered.get(i).symbol(), unordered.get(i).day()));
        }
    }

    private static PriceTrack track(String symbol, PriceSeries history, LocalDate to) {
        if (history == null) {
            throw new IllegalArgumentException("symbols: no price history for " + symbol);
        }
        List<DailyBar> bars = history.bars().stream().filter(bar -> !bar.date().isAfter(to)).toList();
        return new PriceTrack(symbol, bars.stream().map(DailyBar::date).toList(),
                bars.stream().mapToDouble(DailyBar::close).toArray(),
                bars.stream().mapToDouble(DailyBar::high).toArray(),
                bars.stream().mapToDouble(DailyBar::low).toArray());
    }

    public List<Rebalance> rebalances() {
        return List.copyOf(rebalances);
    }

    public Map<String, PriceTrack> tracks() {
        return Map.copyOf(tracks);
    }

    /** Indices into the symbol's track of its rebalance days. */
    public List<Integer> rebalanceDays(String symbol) {
        return rebalanceDays.get(symbol);
    }

    /** The debate of one rebalance: the symbol alone, no portfolio, evidence found as of the day. */
    public DebateRequest request(Rebalance rebalance, UUID debateId) {
        return new DebateRequest(debateId.toString(), "Rate " + rebalance.symbol() + " as of " + rebalance.day()
                + " for holding until the next rebalance (" + query.frequency().name().toLowerCase(java.util.Locale.ROOT)
                + ")", query.assistantType(), List.of(rebalance.symbol()), Evidence.empty(), null,
                new DebateSettings(query.maxRounds(), null, null, 0L, seed + rebalance.index(),
                        query.participantModels(), null, null));
    }
}
