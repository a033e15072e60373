package com.finagent.application.analytics;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The third-party figures in {@code shared/data/risk-reference}: the truth the analytics are checked against. */
public final class ReferenceData {

    // the first column, the date, has no name
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();

    private ReferenceData() {
    }

    static Path riskReference() {
        return Path.of(System.getProperty("finagent.shared.data", "../../shared/data")).resolve("risk-reference");
    }

    static JsonObject json(String file) {
        try (Reader reader = Files.newBufferedReader(riskReference().resolve(file))) {
            return Json.createReader(reader).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named series of empyrical's fixture; {@code null} entries become NaN. */
    static double[] empyricalSeries(JsonObject empyrical, String name) {
        JsonArray values = empyrical.getJsonObject("series").getJsonObject(name).getJsonArray("values");
        double[] series = new double[values.size()];
        for (int i = 0; i < series.length; i++) {
            series[i] = values.get(i).getValueType() == JsonValue.ValueType.NULL
                    ? Double.NaN : values.getJsonNumber(i).doubleValue();
        }
        return series;
    }

    /** The columns of a CSV whose first column is a date, rows {@code [0, rows)}. */
    static double[][] csvColumns(String file, int rows) {
        try (CSVParser parser = CSVParser.parse(riskReference().resolve(file), StandardCharsets.UTF_8, CSV)) {
            int columns = parser.getHeaderNames().size() - 1;
            List<CSVRecord> body = parser.stream().limit(rows).toList();
            double[][] data = new double[columns][body.size()];
            for (int row = 0; row < body.size(); row++) {
                for (int column = 0; column < columns; column++) {
                    data[column][row] = Double.parseDouble(body.get(row).get(column + 1));
                }
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PyPortfolioOpt's test panel (tests/resources/stock_prices.csv, in shared/data/market) as dated series by ticker
     * in column order, each holding only the dates it has a price on.
     */
    public static Map<String, TreeMap<LocalDate, Double>> pypfoptPanel() {
        Path file = riskReference().resolveSibling("market").resolve("pypfopt_stock_prices_adjclose_20tickers_1989_2018.csv");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, TreeMap<LocalDate, Double>> series = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<String> tickers = parser.getHeaderNames().subList(1, parser.getHeaderNames().size());
            tickers.forEach(ticker -> series.put(ticker, new TreeMap<>()));
            for (CSVRecord row : parser) {
                LocalDate date = LocalDate.parse(row.get(0));
                for (String ticker : tickers) {
                    if (!row.get(ticker).isBlank()) {
                        series.get(ticker).put(date, Double.parseDouble(row.get(ticker)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return series;
    }
}
