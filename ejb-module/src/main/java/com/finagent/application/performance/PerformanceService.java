package com.finagent.application.performance;

import com.finagent.application.activity.ActivityService;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;
import com.finagent.persistence.portfolio.Activity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A portfolio's performance over time, computed from its activities and the market's daily closes: holdings with
 * FIFO cost and realised gains, time- and money-weighted returns per period, the value and its drawdown against a
 * benchmark (SPY unless another is asked for).
 */
@Stateless
public class PerformanceService {

    public static final String DEFAULT_BENCHMARK = "SPY";

    static final String METHOD = "Positions and realised gains replay the activities with FIFO lots (a sell uses"
            + " the oldest shares first; a buy's fee is part of its cost). Unrealised gain is the last close times"
            + " the shares held minus the cost of the lots still held. The time-weighted return chain-links daily"
            + " returns V_t / (V_{t-1} + F_t) - 1 with each flow F_t at the start of its day; the money-weighted"
            + " return is XIRR (annual, 365-day years) of the starting value, the flows and the final value."
            + " Drawdown is measured on the time-weighted growth. Flows are deposits and withdrawals when the"
            + " activities record cash; otherwise every buy is money put in and every sell, dividend and interest"
            + " money taken out.";

    @EJB
    ActivityService activities;

    @Inject
    MarketDataService market;

    Clock clock = Clock.systemUTC();

    public PerformanceReport report(UUID userId, UUID portfolioId, String benchmarkSymbol) {
        List<Activity> recorded = activities.list(userId, portfolioId);
        if (recorded.isEmpty()) {
            return PerformanceReport.withoutActivities(benchmarkSymbol, METHOD);
        }
        Set<String> currencies = new TreeSet<>();
        recorded.forEach(a -> currencies.add(a.getCurrency()));
        if (currencies.size() > 1) {
            throw new FinAgentException(ErrorType.CONFLICT, 409, "Portfolio " + portfolioId + " mixes currencies "
                    + String.join(", ", currencies) + " and no exchange-rate source is configured, so their"
                    + " amounts are not added up", List.of(), null);
        }
        LocalDate first = recorded.get(0).getTradeDate();
        LocalDate today = LocalDate.now(clock);
        List<String> sources = new ArrayList<>();
        Map<String, NavigableMap<LocalDate, Double>> closes = new TreeMap<>();
        recorded.stream().map(Activity::getSymbol).filter(s -> s != null).distinct()
                .filter(symbol -> recorded.stream().anyMatch(a -> symbol.equals(a.getSymbol())
                        && a.getType().tradesShares()))
                .forEach(symbol -> closes.put(symbol, closes(symbol, first, today, sources)));
        NavigableMap<LocalDate, Double> benchmark = closes(benchmarkSymbol, first, today, sources);
        return new PortfolioTimeline(recorded, closes, benchmark)
                .report(currencies.iterator().next(), benchmarkSymbol, METHOD, sources);
    }

    private NavigableMap<LocalDate, Double> closes(String symbol, LocalDate from, LocalDate to, List<String> sources) {
        NavigableMap<LocalDate, Double> closes = new TreeMap<>();
        try {
            PriceSeries series = market.history(symbol, from, to, "1d");
            for (DailyBar bar : series.bars()) {
                closes.put(bar.date(), bar.close());
            }
            sources.add(symbol + ": " + series.source() + (closes.isEmpty() ? " (no closes in range)" : ""));
        } catch (FinAgentException unknown) {
            sources.add(symbol + ": no price history (" + unknown.getMessage() + ")");
        }
        return closes;
    }
}
