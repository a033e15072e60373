package com.finagent.agents.offline.sentiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record. */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    static List<List<String>> read(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        while (c != -1) {
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int next = in.read();
                    if (next != '\n') {
                        endRecord(records, record, field, fieldStarted);
                        record = new ArrayList<>();
                        fieldStarted = false;
                        c = next;
                        continue;
                    }
                }
                endRecord(records, record, field, fieldStarted);
                record = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = in.read();
        }
        if (quoted) {
            throw new IOException("Unterminated quoted field at end of input");
        }
        endRecord(records, record, field, fieldStarted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field,
                                  boolean fieldStarted) {
        if (record.isEmpty() && field.length() == 0 && !fieldStarted) {
            return;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
    }
}
