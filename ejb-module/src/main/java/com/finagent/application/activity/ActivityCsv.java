package com.finagent.application.activity;

import com.finagent.application.activity.CsvLayout.ActionRule;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.Activity.Source;
import com.finagent.persistence.portfolio.ActivityType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a broker's CSV export into activities of one account, with an error for each row it cannot read. Brokers
 * put lines above the header and disclaimers below the rows: reading starts at the line that holds the date
 * column's name, and a row with a single cell, or with neither an action nor a date, is such a note.
 */
public final class ActivityCsv {

    /** A row that could not be read: its line in the file and what was wrong. */
    public record RowError(long line, String message) {
    }

    /** The activities read and the rows that could not be. */
    public record Reading(List<Activity> activities, List<RowError> errors, int rows) {
    }

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,10}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ActivityCsv() {
    }

    public static Reading read(String text, CsvLayout layout, UUID accountId) {
        String table = fromHeader(text, layout.dateColumn());
        if (table == null) {
            return new Reading(List.of(), List.of(new RowError(1, "no header line naming the column '"
                    + layout.dateColumn() + "' (layout " + layout.name() + ")")), 0);
        }
        long skipped = text.substring(0, text.indexOf(table)).lines().count();
        List<Activity> activities = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int rows = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(table), format)) {
            List<String> missing = requiredColumns(layout).stream()
                    .filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                return new Reading(List.of(), List.of(new RowError(skipped + 1, "missing column(s) " + missing
                        + " (layout " + layout.name() + ")")), 0);
            }
            for (CSVRecord record : parser) {
                if (record.size() <= 1 || isTotalOrNote(record, layout)) {
                    continue;
                }
                rows++;
                long line = skipped + record.getRecordNumber() + 1;
                try {
                    activities.add(activity(record, layout, accountId));
                } catch (IllegalArgumentException unreadable) {
                    errors.add(new RowError(line, unreadable.getMessage()));
                }
            }
        } catch (IOException | RuntimeException malformed) {
            errors.add(new RowError(skipped + 1, "not readable as CSV: " + malformed.getMessage()));
        }
        return new Reading(activities, errors, rows);
    }

    /** The columns without which no row can be read; the others are needed only by some types. */
    private static List<String> requiredColumns(CsvLayout layout) {
        return List.of(layout.dateColumn(), layout.actionColumn());
    }

    private static String fromHeader(String text, String dateColumn) {
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            String bare = line.replace("\"", "").replace("\uFEFF", "").strip();
            if (bare.startsWith(dateColumn + ",") || bare.contains("," + dateColumn + ",")) {
                return text.substring(offset);
            }
            offset += line.length() + 1;
        }
        return null;
    }

    /** A line such as Schwab's "Transactions Total": no action, and no date where the date belongs. */
    private static boolean isTotalOrNote(CSVRecord record, CsvLayout layout) {
        if (cell(record, layout.actionColumn()) != null) {
            return false;
        }
        try {
            date(cell(record, layout.dateColumn()), layout.dateFormats());
            return false;
        } catch (IllegalArgumentException notADate) {
            return true;
        }
    }

    private static Activity activity(CSVRecord record, CsvLayout layout, UUID accountId) {
        String action = cell(record, layout.actionColumn());
        ActionRule rule = layout.ruleFor(action == null ? "" : action)
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + action + "'"));
        LocalDate date = date(cell(record, layout.dateColumn()), layout.dateFormats());
        String currency = currency(record, layout);
        String symbol = symbol(cell(record, layout.symbolColumn()));
        BigDecimal amount = number(record, layout.amountColumn());
        BigDecimal fee = BigDecimal.ZERO;
        for (String feeColumn : layout.feeColumns()) {
            BigDecimal part = number(record, feeColumn);
            fee = part == null ? fee : fee.add(part.abs());
        }
        ActivityType type = rule.type();
        if (type == null) {
            if (amount == null || amount.signum() == 0) {
                throw new IllegalArgumentException("a transfer needs a non-zero amount");
            }
            type = amount.signum() > 0 ? ActivityType.DEPOSIT : ActivityType.WITHDRAWAL;
        }
        return switch (type) {
            case BUY, SELL -> {
                BigDecimal quantity = required(number(record, layout.quantityColumn()), "quantity").abs();
                BigDecimal price = required(number(record, layout.priceColumn()), "price").abs();
                yield Activity.trade(accountId, date, type, required(symbol, "symbol"), quantity, price, fee,
                        currency, Source.CSV);
            }
            case SPLIT -> Activity.split(accountId, date, required(symbol, "symbol"),
                    required(number(record, layout.quantityColumn()), "quantity (the split ratio)").abs(),
                    currency, Source.CSV);
            default -> Activity.cash(accountId, date, type, symbol, required(amount, "amount").abs(), currency,
                    Source.CSV);
        };
    }

    private static String cell(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(String value, List<String> patterns) {
        if (value == null) {
            throw new IllegalArgumentException("no date");
        }
        // Schwab writes "04/15/2024 as of 04/12/2024" for late postings: the first date is the posting date.
        String first = value.split(" ")[0];
        for (String pattern : patterns) {
            try {
                // Strict, so that 06/31 is refused rather than read as 06/30; strict years are 'u', not 'y'.
                return LocalDate.parse(first, DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException tryNext) {
                // the next pattern may fit
            }
        }
        throw new IllegalArgumentException("date '" + value + "' is not " + String.join(" or ", patterns));
    }

    private static String symbol(String value) {
        if (value == null) {
            return null;
        }
        String symbol = value.toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + value + "' is not a ticker");
        }
        return symbol;
    }

    private static String currency(CSVRecord record, CsvLayout layout) {
        String value = cell(record, layout.currencyColumn());
        String currency = value == null ? layout.defaultCurrency() : value.toUpperCase(Locale.ROOT);
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency '" + value + "' is not a three-letter code");
        }
        return currency;
    }

    /** A number as brokers write it: "$1,234.50", "-12", "(12.00)" for a negative; empty for none. */
    private static BigDecimal number(CSVRecord record, String column) {
        String value = cell(record, column);
        if (value == null) {
            return null;
        }
        String plain = value.replace("$", "").replace(",", "").strip();
        boolean negative = plain.startsWith("(") && plain.endsWith(")");
        if (negative) {
            plain = plain.substring(1, plain.length() - 1);
        }
        try {
            BigDecimal number = new BigDecimal(plain);
            return negative ? number.negate() : number;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number");
        }
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("no " + what);
        }
        return value;
    }
}
