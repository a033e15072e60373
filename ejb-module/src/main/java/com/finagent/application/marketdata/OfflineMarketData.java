package com.finagent.application.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
        List<String> lines = lines(file);
        String[] header = lines.get(0).split(",");
        Map<String, List<DailyBar>> bySymbol = new TreeMap<>();
        for (int c = 1; c < header.length; c++) {
            bySymbol.put(header[c].strip(), new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate date = usDates ? LocalDate.parse(cells[0], US_DATE) : LocalDate.parse(cells[0]);
            for (int c = 1; c < header.length; c++) {
                if (c < cells.length && !cells[c].isBlank()) {
                    bySymbol.get(header[c].strip()).add(DailyBar.closeOnly(date, Double.parseDouble(cells[c])));
                }
            }
        }
        return bySymbol;
    }

    private static List<DailyBar> readOhlcv(String file) {
        List<String> lines = lines(file);
        List<DailyBar> bars = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            bars.add(new DailyBar(LocalDate.parse(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Double.parseDouble(c[4]), (long) Double.parseDouble(c[5]), false));
        }
        return bars;
    }

    private static List<String> lines(String file) {
        try (InputStream in = OfflineMarketData.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled market data " + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
