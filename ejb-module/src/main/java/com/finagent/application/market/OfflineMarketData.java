package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Real daily history bundled with the application (see NOTICE): the offline source when no market-data
 * provider is configured. Each symbol is served from the longest bundled series that has it.
 */
public final class OfflineMarketData {

    public static final String SOURCE = "offline (bundled Yahoo history from open-source test data)";
    private static final String FOLDER = "offline/";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private final Map<String, List<DailyBar>> historyBySymbol;

    private OfflineMarketData(Map<String, List<DailyBar>> historyBySymbol) {
        this.historyBySymbol = historyBySymbol;
    }

    /** Reads the bundled files; the ones with open, high, low and volume win over close-only ones. */
    public static OfflineMarketData load() {
        Map<String, List<DailyBar>> series = new HashMap<>();
        mergeCloses(series, readCloses("pypfopt_stock_prices_adjclose_20tickers_1989_2018.csv", false));
        mergeCloses(series, readCloses("pypfopt_spy_adjclose_1993_2019.csv", false));
        mergeCloses(series, readCloses("ffn_AAPL_MSFT_C_close_2004_2014.csv", true));
        series.put("IBM", readOhlcv("zipline_IBM_2012_2014_ohlcv_div_split.csv"));
        series.put("KO", readOhlcv("zipline_KO_2012_2014_ohlcv_div_split.csv"));
        Map<String, List<DailyBar>> immutable = new HashMap<>();
        series.forEach((symbol, bars) -> immutable.put(symbol, List.copyOf(bars)));
        return new OfflineMarketData(Map.copyOf(immutable));
    }

    public Set<String> symbols() {
        return Collections.unmodifiableSet(new TreeSet<>(historyBySymbol.keySet()));
    }

    /** All bundled daily bars of {@code symbol}, oldest first. */
    public Optional<List<DailyBar>> history(String symbol) {
        return Optional.ofNullable(historyBySymbol.get(symbol));
    }

    private static void mergeCloses(Map<String, List<DailyBar>> series, Map<String, List<DailyBar>> candidates) {
        candidates.forEach((symbol, bars) -> {
            List<DailyBar> existing = series.get(symbol);
            if (existing == null || existing.size() < bars.size()) {
                series.put(symbol, bars);
            }
        });
    }

    private static Map<String, List<DailyBar>> readCloses(String file, boolean usDates) {
        try (CSVParser parser = parse(file)) {
            List<String> header = parser.getHeaderNames();
            List<String> symbols = header.subList(1, header.size());
            Map<String, List<DailyBar>> bySymbol = new TreeMap<>();
            symbols.forEach(symbol -> bySymbol.put(symbol, new ArrayList<>()));
            for (CSVRecord record : parser) {
                LocalDate date = usDates ? LocalDate.parse(record.get(0), US_DATE) : LocalDate.parse(record.get(0));
                for (String symbol : symbols) {
                    String close = record.isSet(symbol) ? record.get(symbol) : "";
                    if (!close.isBlank()) {
                        bySymbol.get(symbol).add(DailyBar.closeOnly(date, Double.parseDouble(close)));
                    }
                }
            }
            return bySymbol;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DailyBar> readOhlcv(String file) {
        try (CSVParser parser = parse(file)) {
            List<DailyBar> bars = new ArrayList<>();
            for (CSVRecord r : parser) {
                bars.add(new DailyBar(LocalDate.parse(r.get("date")), Double.parseDouble(r.get("open")),
                        Double.parseDouble(r.get("high")), Double.parseDouble(r.get("low")),
                        Double.parseDouble(r.get("close")), (long) Double.parseDouble(r.get("volume")), false));
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parser over a bundled file, named columns from its header row; closing it closes the resource. */
    private static CSVParser parse(String file) throws IOException {
        InputStream in = OfflineMarketData.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("Missing bundled market data " + file);
        }
        return CSVParser.parse(in, StandardCharsets.UTF_8, FORMAT);
    }
}
