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
import java.util.List;

/** The third-party figures in {@code shared/data/risk-reference}: the truth the analytics are checked against. */
final class ReferenceData {

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
}
