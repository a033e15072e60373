package com.finagent.agents.offline.sentiment;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV with Commons CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends
 * a record; empty lines and a leading byte order mark are skipped.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private CsvReader() {
    }

    static List<List<String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    static List<List<String>> read(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(in), FORMAT)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (UncheckedIOException e) {
            // the parser's iterator wraps what it cannot read, such as a quote left open at the end of the input
            throw e.getCause();
        }
        return records;
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }
}
