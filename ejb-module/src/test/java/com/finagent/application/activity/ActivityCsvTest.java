package com.finagent.application.activity;

import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityCsvTest {

    private static final UUID ACCOUNT = UUID.randomUUID();

    private static String resource(String name) throws IOException {
        try (InputStream in = ActivityCsvTest.class.getResourceAsStream("/activity/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsSchwabsExportSkippingTheTitleAndTheTotal() throws IOException {
        ActivityCsv.Reading reading = ActivityCsv.read(resource("schwab.csv"), CsvLayout.SCHWAB, ACCOUNT);

        assertEquals(List.of(), reading.errors());
        List<Activity> activities = reading.activities();
        assertEquals(List.of(ActivityType.DEPOSIT, ActivityType.BUY, ActivityType.DIVIDEND, ActivityType.SELL,
                ActivityType.WITHDRAWAL), activities.stream().map(Activity::getType).toList());
        Activity buy = activities.get(1);
        assertEquals(LocalDate.of(2015, 3, 2), buy.getTradeDate());
        assertEquals(new BigDecimal("128.40"), buy.getPrice());
        assertEquals(new BigDecimal("4.95"), buy.getFee());
        assertEquals(LocalDate.of(2015, 6, 1), activities.get(3).getTradeDate());
        assertEquals(new BigDecimal("200.00"), activities.get(4).getAmount());
        assertEquals(new BigDecimal("5000.00"), activities.get(0).getAmount());
    }

    @Test
    void readsFidelitysExportAddingCommissionAndFees() throws IOException {
        ActivityCsv.Reading reading = ActivityCsv.read(resource("fidelity.csv"), CsvLayout.FIDELITY, ACCOUNT);

        assertEquals(List.of(), reading.errors());
        assertEquals(3, reading.rows());
        Activity buy = reading.activities().get(0);
        assertEquals(ActivityType.BUY, buy.getType());
        assertEquals(new BigDecimal("5.00"), buy.getFee());
        Activity sell = reading.activities().get(2);
        assertEquals(ActivityType.SELL, sell.getType());
        assertEquals(new BigDecimal("5"), sell.getQuantity());
        assertEquals(new BigDecimal("10.40"), reading.activities().get(1).getAmount());
    }

    @Test
    void everyUnreadableRowIsNamedByItsLine() {
        String csv = """
                date,type,symbol,quantity,price,fee,amount,currency
                2021-01-04,BUY,AAPL,10,130.00,1,,USD
                2021-13-04,BUY,AAPL,10,130.00,1,,USD
                2021-01-05,SWAP,AAPL,10,130.00,1,,USD
                2021-01-06,SELL,apple inc,1,131.00,1,,USD
                2021-01-07,DIVIDEND,AAPL,,,,,USD
                2021-01-08,BUY,AAPL,ten,130.00,1,,USD
                2021-06-31,BUY,AAPL,1,130.00,1,,USD
                """;

        ActivityCsv.Reading reading = ActivityCsv.read(csv, CsvLayout.GENERIC, ACCOUNT);

        assertEquals(1, reading.activities().size());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), reading.errors().stream().map(ActivityCsv.RowError::line).toList());
        assertTrue(reading.errors().get(0).message().contains("2021-13-04"));
        assertTrue(reading.errors().get(1).message().contains("SWAP"));
        assertTrue(reading.errors().get(3).message().contains("amount"));
        assertTrue(reading.errors().get(4).message().contains("'ten' is not a number"));
    }

    /** Values past what the columns hold are a row error, not a failed insert (a 500) after the file was read. */
    @Test
    void numbersBeyondTheColumnsAreRowErrors() {
        String csv = """
                date,type,symbol,quantity,price,fee,amount,currency
                2021-01-04,BUY,AAPL,1e30,130.00,1,,USD
                2021-01-05,DEPOSIT,,,,,99999999999999999999999,USD
                2021-01-06,BUY,AAPL,1,130.00,1,,USD
                """;

        ActivityCsv.Reading reading = ActivityCsv.read(csv, CsvLayout.GENERIC, ACCOUNT);

        assertEquals(List.of(2L, 3L), reading.errors().stream().map(ActivityCsv.RowError::line).toList());
        assertTrue(reading.errors().get(0).message().contains("quantity must be below"), reading.errors().toString());
        assertEquals(1, reading.activities().size());
    }

    @Test
    void aCustomMappingReadsOtherColumnNames() {
        String csv = """
                Trade Date,Kind,Ticker,Shares,Unit Price,Ccy
                04.01.2021,buy,SAP,5,106.50,EUR
                """;
        CsvLayout mine = CsvLayout.GENERIC.withColumns(Map.of("date", "Trade Date", "dateFormat", "dd.MM.yyyy",
                "type", "Kind", "symbol", "Ticker", "quantity", "Shares", "price", "Unit Price",
                "currency", "Ccy"));

        ActivityCsv.Reading reading = ActivityCsv.read(csv, mine, ACCOUNT);

        assertEquals(List.of(), reading.errors());
        assertEquals("EUR", reading.activities().get(0).getCurrency());
        assertEquals(LocalDate.of(2021, 1, 4), reading.activities().get(0).getTradeDate());
    }

    @Test
    void aFileWithoutTheDateColumnSaysWhichLayoutItExpected() {
        ActivityCsv.Reading reading = ActivityCsv.read("a,b\n1,2\n", CsvLayout.SCHWAB, ACCOUNT);

        assertTrue(reading.errors().get(0).message().contains("'Date' (layout schwab)"));
        assertTrue(reading.activities().isEmpty());
    }
}
