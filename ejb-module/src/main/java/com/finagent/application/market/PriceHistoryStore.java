package com.finagent.application.market;

import com.finagent.application.market.provider.DailyBar;
import com.finagent.application.market.provider.OptionContract;

import com.finagent.application.database.ApplicationDataSource;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps {@code tickers} and {@code price_history} filled with the bars the application has served (upserts
 * keyed by (symbol, timestamp), in JDBC batches, so repeating a fetch never duplicates a bar), and
 * {@code options_flow} with the options snapshots it has fetched.
 */
@Stateless
public class PriceHistoryStore {

    private static final int BATCH = 1_000;

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    public void upsert(String symbol, List<DailyBar> bars) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ticker = connection.prepareStatement(
                    "INSERT INTO tickers (symbol) VALUES (?) ON CONFLICT (symbol) DO NOTHING")) {
                ticker.setString(1, symbol);
                ticker.executeUpdate();
            }
            try (PreparedStatement bar = connection.prepareStatement(
                    "INSERT INTO price_history (symbol, timestamp, open_price, high_price, low_price, close_price, volume, "
                            + "adjusted_close) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, timestamp) DO UPDATE SET "
                            + "open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price, "
                            + "low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price, "
                            + "volume = EXCLUDED.volume, adjusted_close = EXCLUDED.adjusted_close")) {
                int pending = 0;
                for (DailyBar b : bars) {
                    bar.setString(1, symbol);
                    bar.setObject(2, b.date().atStartOfDay().atOffset(ZoneOffset.UTC));
                    bar.setDouble(3, b.open());
                    bar.setDouble(4, b.high());
                    bar.setDouble(5, b.low());
                    bar.setDouble(6, b.close());
                    bar.setLong(7, b.volume());
                    bar.setDouble(8, b.close());
                    bar.addBatch();
                    if (++pending == BATCH) {
                        bar.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    bar.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the price history of " + symbol, e);
        }
    }

    /** Appends a snapshot of an options chain to {@code options_flow}. */
    public void recordOptions(String symbol, List<OptionContract> contracts) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ticker = connection.prepareStatement(
                    "INSERT INTO tickers (symbol) VALUES (?) ON CONFLICT (symbol) DO NOTHING")) {
                ticker.setString(1, symbol);
                ticker.executeUpdate();
            }
            try (PreparedStatement flow = connection.prepareStatement(
                    "INSERT INTO options_flow (symbol, strike_price, expiration_date, option_type, volume, open_interest, "
                            + "premium) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (OptionContract contract : contracts) {
                    if (!contract.type().equals("call") && !contract.type().equals("put")) {
                        continue;
                    }
                    flow.setString(1, symbol);
                    flow.setDouble(2, contract.strike());
                    flow.setObject(3, contract.expiration());
                    flow.setString(4, contract.type());
                    flow.setLong(5, contract.volume());
                    flow.setObject(6, contract.openInterest());
                    flow.setObject(7, contract.lastPrice());
                    flow.addBatch();
                }
                flow.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the options flow of " + symbol, e);
        }
    }

    public long storedBars(String symbol) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM price_history WHERE symbol = ?")) {
            count.setString(1, symbol);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the price history of " + symbol, e);
        }
    }
}
