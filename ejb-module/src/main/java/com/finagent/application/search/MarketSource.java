package com.finagent.application.search;

import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.PriceSeries;
import com.finagent.application.market.Quote;
import com.finagent.application.market.provider.DailyBar;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Market data as search results: for each requested symbol, its latest quote and a summary of its last year of
 * daily closes (return, range, annualised volatility), naming the source that supplied them. Symbols without
 * data are left out and named in the message.
 */
public final class MarketSource implements SearchSource {

    /** The market data this source reads; {@code MarketDataService} in the application. */
    public interface MarketLookup {

        Quote quote(String symbol);

        /** Daily bars of (at least) the last year, oldest first. */
        PriceSeries dailyHistory(String symbol);
    }

    private final MarketLookup market;

    public MarketSource(MarketLookup market) {
        this.market = market;
    }

    @Override
    public SourceName name() {
        return SourceName.MARKET;
    }

    @Override
    public SourceAnswer search(SearchRequest request) {
        if (request.symbols().isEmpty()) {
            return new SourceAnswer(SourceStatus.OK, null, List.of(), "market data is looked up by symbol; none was given");
        }
        List<SearchResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean allSimulated = true;
        String origin = null;
        for (String symbol : request.symbols()) {
            Quote quote;
            try {
                quote = market.quote(symbol);
            } catch (FinAgentException unknown) {
                missing.add(unknown.getMessage());
                continue;
            }
            allSimulated &= quote.simulated();
            origin = origin == null ? quote.source() : origin;
            String summary = "";
            try {
                summary = yearSummary(market.dailyHistory(symbol));
            } catch (FinAgentException noHistory) {
                summary = " No daily history.";
            }
            String change = quote.changePercent() == null ? ""
                    : String.format(Locale.ROOT, " (%+.2f%% on the previous close %.2f of %s)", quote.changePercent(),
                    quote.previousClose(), quote.previousCloseDate());
            String snippet = String.format(Locale.ROOT, "Last price %.2f%s.%s Source: %s%s.", quote.price(), change, summary,
                    quote.source(), quote.simulated() ? " (simulated)" : "");
            results.add(new SearchResult(SourceName.MARKET.id(), quote.source(),
                    String.format(Locale.ROOT, "%s %.2f%s", symbol, quote.price(),
                            quote.changePercent() == null ? "" : String.format(Locale.ROOT, " %+.2f%%", quote.changePercent())),
                    Snippets.shorten(snippet, 2 * Snippets.SNIPPET_LENGTH), null,
                    quote.timestamp() == null ? null : quote.timestamp().atZone(ZoneOffset.UTC).toLocalDate(),
                    List.of(symbol), 1.0 / (results.size() + 1)));
        }
        String message = missing.isEmpty() ? null : String.join("; ", missing);
        if (!results.isEmpty() && allSimulated) {
            String offline = "no market-data provider is configured: bundled daily history and a simulated intraday price";
            return new SourceAnswer(SourceStatus.OFFLINE, origin, results, message == null ? offline : offline + "; " + message);
        }
        return new SourceAnswer(SourceStatus.OK, origin, results, message);
    }

    /** Return, range and annualised volatility of the closes in the year up to the last bar. */
    static String yearSummary(PriceSeries series) {
        List<DailyBar> bars = series.bars();
        if (bars.size() < 2) {
            return "";
        }
        LocalDate end = bars.get(bars.size() - 1).date();
        List<DailyBar> year = bars.stream().filter(b -> b.date().isAfter(end.minusYears(1))).toList();
        if (year.size() < 2) {
            return "";
        }
        double first = year.get(0).close();
        double last = year.get(year.size() - 1).close();
        double high = year.stream().mapToDouble(DailyBar::close).max().orElse(last);
        double low = year.stream().mapToDouble(DailyBar::close).min().orElse(last);
        double[] logReturns = new double[year.size() - 1];
        for (int i = 1; i < year.size(); i++) {
            logReturns[i - 1] = Math.log(year.get(i).close() / year.get(i - 1).close());
        }
        double volatility = new StandardDeviation().evaluate(logReturns) * Math.sqrt(252);
        return String.format(Locale.ROOT, " Year to %s: %+.1f%%, closes %.2f to %.2f, volatility %.0f%% a year.", end,
                (last / first - 1) * 100, low, high, volatility * 100);
    }
}
