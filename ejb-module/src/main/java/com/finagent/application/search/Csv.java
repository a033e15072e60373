package com.finagent.application.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A reader of RFC 4180 CSV (quoted fields may hold commas, doubled quotes and line breaks), with a header row. */
final class Csv {

    private Csv() {
    }

    /** Every row after the header, as column name to value. */
    static List<Map<String, String>> read(Reader input) throws IOException {
        List<List<String>> rows = records(new BufferedReader(input));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> result = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            result.add(named);
        }
        return result;
    }

    private static List<List<String>> records(BufferedReader in) throws IOException {
        StringBuilder all = new StringBuilder(1 << 16);
        char[] buffer = new char[1 << 16];
        for (int n; (n = in.read(buffer)) != -1; ) {
            all.append(buffer, 0, n);
        }
        return records(all);
    }

    static List<List<String>> records(CharSequence text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch != '"') {
                    field.append(ch);
                } else if (i + 1 < length && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
