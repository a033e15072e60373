package com.finagent.application.backtest;

import com.finagent.agents.tools.AgentTools;
import com.finagent.agents.tools.ToolResult;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.provider.DailyBar;
import com.finagent.application.tools.PriceFacts;
import com.finagent.application.tools.ServiceAgentTools;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The agents' tools for a debate run "as of" a day of a backtest: prices up to the previous close (the simulation
 * trades at the day's close, so the day's own bar is not yet known when the debate decides), searches bounded to
 * what was published before the day, and nothing of the user's portfolio of today. Figures come from
 * {@link PriceFacts}, the code a live debate's tools use.
 */
public final class PointInTimeTools implements AgentTools {

    private final LocalDate day;
    private final Map<String, PriceSeries> histories;
    private final BiFunction<ServiceAgentTools.SearchQuery, LocalDate, ToolResult> search;
    private final BiFunction<String, LocalDate, ToolResult> macro;

    /**
     * @param day       the rebalance day the debate decides on
     * @param histories each symbol's daily history, which may run past the day: it is cut here
     * @param search    the search tool, bounded to a day
     * @param macro     the macro tool, bounded to a day
     */
    public PointInTimeTools(LocalDate day, Map<String, PriceSeries> histories,
                            BiFunction<ServiceAgentTools.SearchQuery, LocalDate, ToolResult> search,
                            BiFunction<String, LocalDate, ToolResult> macro) {
        this.day = day;
        this.histories = Map.copyOf(histories);
        this.search = search;
        this.macro = macro;
    }

    /** The symbol's bars before the day: what was known at the previous close. */
    PriceSeries known(String symbol) {
        PriceSeries full = histories.get(symbol == null ? "" : symbol.strip().toUpperCase(java.util.Locale.ROOT));
        if (full == null) {
            throw new IllegalArgumentException("the backtest has no price history for " + symbol);
        }
        List<DailyBar> bars = full.bars().stream().filter(bar -> bar.date().isBefore(day)).toList();
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no price history of " + symbol + " before " + day);
        }
        return new PriceSeries(full.symbol(), full.interval(), full.source() + ", as of " + day, full.cached(), bars);
    }

    @Override
    public ToolResult quote(String symbol) {
        PriceSeries known = known(symbol);
        List<DailyBar> bars = known.bars();
        DailyBar last = bars.get(bars.size() - 1);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("price", last.close());
        if (bars.size() > 1) {
            metrics.put("dayChange", last.close() / bars.get(bars.size() - 2).close() - 1);
        }
        return ToolResult.ofMetrics(known.symbol(), known.source() + " (previous close)", last.date().toString(),
                metrics);
    }

    @Override
    public ToolResult priceHistory(String symbol, int days) {
        return PriceFacts.history(known(symbol));
    }

    @Override
    public ToolResult technicalIndicators(String symbol) {
        return PriceFacts.indicators(known(symbol));
    }

    @Override
    public ToolResult riskMetrics(String symbol) {
        return PriceFacts.risk(known(symbol));
    }

    @Override
    public ToolResult portfolioHoldings() {
        return ToolResult.unavailable("a backtest's debate has no portfolio: it rates the symbol alone");
    }

    @Override
    public ToolResult search(String query, String symbol, int limit) {
        return search.apply(new ServiceAgentTools.SearchQuery(query, symbol, limit), day);
    }

    @Override
    public ToolResult economicIndicators(String region) {
        return macro.apply(region, day);
    }
}
