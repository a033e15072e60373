package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import com.finagent.application.market.provider.OptionContract;

import com.finagent.application.analytics.PerformanceMeasures;
import com.finagent.application.analytics.Returns;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import com.finagent.application.market.provider.AlpacaProvider;
import com.finagent.application.market.provider.MarketDataProvider;
import com.finagent.application.market.provider.PolygonProvider;
import com.finagent.application.market.provider.ProviderUnavailableException;
import com.finagent.application.market.provider.SymbolUnknownException;
import com.finagent.application.market.provider.YahooProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Quotes, history and comparisons. Remote providers are asked in order (Polygon, Alpaca, Yahoo; each guarded
 * by its own timeout, retry and circuit breaker), skipping those not configured; when none is configured or
 * all fail, the bundled offline history and its simulated intraday feed answer. Every answer names its
 * source and whether it came from the cache. Bars fetched are kept in {@code price_history}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MarketDataService {

    private static final Logger LOG = Logger.getLogger(MarketDataService.class.getName());
    private static final Set<String> PERSISTED = ConcurrentHashMap.newKeySet();
    private static final String SIMULATED_SOURCE = "offline simulated intraday feed (continues from the last real close)";

    @Inject
    OfflineMarketDataHolder offline;

    @EJB
    PriceHistoryStore store;

    @Inject
    MarketDataCache cache;

    @Inject
    PolygonProvider polygon;

    @Inject
    AlpacaProvider alpaca;

    @Inject
    YahooProvider yahoo;

    @Inject
    ProviderCalls calls;

    Clock clock = Clock.systemUTC();

    public Quote quote(String rawSymbol) {
        String symbol = normalise(rawSymbol);
        Quote cached = cache.quote(symbol);
        if (cached != null) {
            return cached;
        }
        for (MarketDataProvider provider : configuredProviders()) {
            try {
                double price = calls.call(provider, "last-price", symbol, () -> provider.lastPrice(symbol));
                Quote quote = remoteQuote(provider, symbol, price);
                cache.putQuote(quote);
                return quote;
            } catch (SymbolUnknownException | ProviderUnavailableException | FaultToleranceException failed) {
                clearTimeoutInterrupt();
                LOG.fine(() -> provider.name() + " could not quote " + symbol + ": " + failed.getMessage());
            }
        }
        Quote offlineQuote = offlineQuote(symbol);
        cache.putQuote(offlineQuote);
        return offlineQuote;
    }

    public PriceSeries history(String rawSymbol, LocalDate from, LocalDate to, String interval) {
        String symbol = normalise(rawSymbol);
        if (!List.of("1d", "1wk", "1mo").contains(interval)) {
            throw FinAgentException.invalidField("interval", "must be one of 1d, 1wk, 1mo");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw FinAgentException.invalidField("from", "must not be after 'to'");
        }
        String key = symbol + "|" + from + "|" + to;
        PriceSeries cachedDaily = cache.history(key);
        if (cachedDaily != null) {
            return resampled(cachedDaily.fromCache(), interval);
        }
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusYears(1);
        for (MarketDataProvider provider : configuredProviders()) {
            try {
                List<DailyBar> bars = calls.call(provider, "daily-bars", symbol,
                        () -> provider.dailyBars(symbol, start, end));
                store.upsert(symbol, bars);
                PriceSeries daily = new PriceSeries(symbol, "1d", provider.name(), false, List.copyOf(bars));
                cache.putHistory(key, daily);
                return resampled(daily, interval);
            } catch (SymbolUnknownException | ProviderUnavailableException | FaultToleranceException failed) {
                clearTimeoutInterrupt();
                LOG.fine(() -> provider.name() + " has no history of " + symbol + ": " + failed.getMessage());
            }
        }
        List<DailyBar> all = knownHistory(symbol);
        if (PERSISTED.add(symbol)) {
            store.upsert(symbol, all);
        }
        return resampled(new PriceSeries(symbol, "1d", OfflineMarketData.SOURCE, false, within(all, from, to)), interval);
    }

    /**
     * The options chain of {@code symbol} from Polygon, the one configured provider that has them; stored in
     * {@code options_flow}. There is no offline options data: without Polygon this is a clear not-found.
     */
    public OptionsChain options(String rawSymbol) {
        String symbol = normalise(rawSymbol);
        if (!polygon.configured()) {
            throw new FinAgentException(ErrorType.NOT_FOUND, "No options data for " + symbol
                    + ": options chains come from Polygon.io, which is not configured (FINAGENT_MARKET_POLYGON_KEY)");
        }
        try {
            List<OptionContract> contracts = calls.call(polygon, "options-chain", symbol,
                    () -> polygon.optionsChain(symbol));
            store.recordOptions(symbol, contracts);
            return new OptionsChain(symbol, polygon.name(), contracts);
        } catch (SymbolUnknownException unknown) {
            throw new FinAgentException(ErrorType.NOT_FOUND, "Polygon.io has no options for " + symbol);
        } catch (ProviderUnavailableException | FaultToleranceException failed) {
            clearTimeoutInterrupt();
            throw new FinAgentException(ErrorType.EXTERNAL_SERVICE, 503,
                    "Polygon.io did not answer for the options of " + symbol + "; try again shortly", List.of(), null);
        }
    }

    private Quote remoteQuote(MarketDataProvider provider, String symbol, double price) {
        LocalDate today = LocalDate.now(clock);
        try {
            List<DailyBar> recent = calls.call(provider, "daily-bars", symbol,
                    () -> provider.dailyBars(symbol, today.minusDays(10), today.minusDays(1)));
            DailyBar previous = recent.get(recent.size() - 1);
            double change = price - previous.close();
            return new Quote(symbol, price, previous.close(), previous.date(), change, change / previous.close() * 100,
                    clock.instant(), provider.name(), false, false);
        } catch (SymbolUnknownException | ProviderUnavailableException | FaultToleranceException noPreviousClose) {
            clearTimeoutInterrupt();
            return new Quote(symbol, price, null, null, null, null, clock.instant(), provider.name(), false, false);
        }
    }

    private Quote offlineQuote(String symbol) {
        List<DailyBar> history = knownHistory(symbol);
        DailyBar last = history.get(history.size() - 1);
        Instant now = clock.instant();
        double price = SimulatedIntradayFeed.price(symbol, history, now);
        double change = price - last.close();
        return new Quote(symbol, price, last.close(), last.date(), change, change / last.close() * 100, now,
                SIMULATED_SOURCE, true, false);
    }

    private static PriceSeries resampled(PriceSeries daily, String interval) {
        return new PriceSeries(daily.symbol(), interval, daily.source(), daily.cached(),
                Resampling.resample(daily.bars(), interval));
    }

    /**
     * A {@code @Timeout} interrupts the calling thread and the flag outlives the timeout; left set, it would
     * fail the next provider's HTTP call at once.
     */
    private static void clearTimeoutInterrupt() {
        Thread.interrupted();
    }

    private List<MarketDataProvider> configuredProviders() {
        return List.<MarketDataProvider>of(polygon, alpaca, yahoo).stream().filter(MarketDataProvider::configured).toList();
    }

    /** Closing prices of several symbols on the trading days they all share, oldest first. */
    public record ClosePanel(List<LocalDate> dates, Map<String, List<Double>> closes) {
    }

    /**
     * The daily closes of {@code symbols} (as known to the bundled history) on their common trading days within
     * {@code from}..{@code to} (either may be null); an unknown symbol is a not-found.
     */
    public ClosePanel closePanel(List<String> rawSymbols, LocalDate from, LocalDate to) {
        List<String> symbols = rawSymbols.stream().map(MarketDataService::normalise).distinct().toList();
        Map<String, Map<LocalDate, Double>> bySymbol = new LinkedHashMap<>();
        Set<LocalDate> common = null;
        for (String symbol : symbols) {
            Map<LocalDate, Double> byDate = new LinkedHashMap<>();
            within(knownHistory(symbol), from, to).forEach(bar -> byDate.put(bar.date(), bar.close()));
            bySymbol.put(symbol, byDate);
            if (common == null) {
                common = new HashSet<>(byDate.keySet());
            } else {
                common.retainAll(byDate.keySet());
            }
        }
        List<LocalDate> dates = common == null ? List.of() : common.stream().sorted().toList();
        Map<String, List<Double>> closes = new LinkedHashMap<>();
        bySymbol.forEach((symbol, byDate) -> closes.put(symbol, dates.stream().map(byDate::get).toList()));
        return new ClosePanel(dates, closes);
    }

    public Comparison compare(List<String> rawSymbols, LocalDate from, LocalDate to) {
        List<String> symbols = rawSymbols.stream().map(MarketDataService::normalise).distinct().toList();
        if (symbols.size() < 2 || symbols.size() > 10) {
            throw FinAgentException.invalidField("symbols", "give 2 to 10 distinct symbols");
        }
        ClosePanel panel = closePanel(symbols, from, to);
        List<LocalDate> dates = panel.dates();
        if (dates.size() < 3) {
            throw FinAgentException.invalidField("from", "the symbols share fewer than 3 trading days in this range");
        }
        Map<String, List<Double>> normalised = new LinkedHashMap<>();
        Map<String, Double> totalReturn = new LinkedHashMap<>();
        Map<String, Double> volatility = new LinkedHashMap<>();
        Map<String, Double> drawdown = new LinkedHashMap<>();
        double[][] returnColumns = new double[dates.size() - 1][symbols.size()];
        for (int s = 0; s < symbols.size(); s++) {
            String symbol = symbols.get(s);
            double[] prices = panel.closes().get(symbol).stream().mapToDouble(Double::doubleValue).toArray();
            List<Double> rebased = new ArrayList<>(prices.length);
            for (double p : prices) {
                rebased.add(p / prices[0] * 100);
            }
            normalised.put(symbol, rebased);
            double[] returns = Returns.simple(prices);
            for (int t = 0; t < returns.length; t++) {
                returnColumns[t][s] = returns[t];
            }
            totalReturn.put(symbol, prices[prices.length - 1] / prices[0] - 1);
            volatility.put(symbol, PerformanceMeasures.annualVolatility(returns, 252));
            drawdown.put(symbol, PerformanceMeasures.maxDrawdown(returns));
        }
        double[][] correlation = new PearsonsCorrelation(new Array2DRowRealMatrix(returnColumns, false))
                .getCorrelationMatrix().getData();
        return new Comparison(symbols, dates, normalised, totalReturn, volatility, drawdown, correlation,
                OfflineMarketData.SOURCE);
    }

    /** Whether daily history of {@code symbol} is known, as {@link #closePanel} and the comparison need it. */
    public boolean hasHistory(String rawSymbol) {
        return offline.data().history(normalise(rawSymbol)).isPresent();
    }

    private List<DailyBar> knownHistory(String symbol) {
        return offline.data().history(symbol).orElseThrow(() -> new FinAgentException(ErrorType.NOT_FOUND,
                "No market data for " + symbol + ". Offline data covers " + String.join(", ", offline.data().symbols())));
    }

    private static List<DailyBar> within(List<DailyBar> bars, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw FinAgentException.invalidField("from", "must not be after 'to'");
        }
        return bars.stream()
                .filter(bar -> from == null || !bar.date().isBefore(from))
                .filter(bar -> to == null || !bar.date().isAfter(to))
                .toList();
    }

    static String normalise(String symbol) {
        String upper = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9.\\-]{1,10}")) {
            throw FinAgentException.invalidField("symbol", "must be 1 to 10 letters, digits, '.' or '-'");
        }
        return upper;
    }
}
