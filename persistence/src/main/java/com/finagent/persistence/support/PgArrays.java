package com.finagent.persistence.support;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL array literals. The data source runs with {@code stringtype=unspecified}, so a literal
 * bound as text is cast by the server to the column's array type; reads arrive as {@link Array}.
 */
final class PgArrays {

    private PgArrays() {
    }

    static Object[] elements(Object dbData) {
        if (dbData instanceof Array array) {
            try {
                return (Object[]) array.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a PostgreSQL array", e);
            }
        }
        if (dbData instanceof Object[] objects) {
            return objects;
        }
        if (dbData instanceof String literal) {
            return parseLiteral(literal).toArray();
        }
        throw new IllegalArgumentException("Not an array: " + dbData.getClass().getName());
    }

    static String textLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static List<String> parseLiteral(String literal) {
        List<String> values = new ArrayList<>();
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                current.append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!body.isEmpty()) {
            values.add(current.toString());
        }
        return values;
    }
}
