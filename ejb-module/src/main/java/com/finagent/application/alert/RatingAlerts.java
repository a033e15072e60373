package com.finagent.application.alert;

import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.UserConnections;
import com.finagent.application.debate.RatingGiven;
import com.finagent.application.error.FinAgentException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alerts on held positions. Every rating a completed debate gives a symbol the user holds is remembered; when a
 * later debate rates it differently, the user gets an alert (stored, and pushed to their sockets on every
 * instance) naming the debate that changed it, unless they muted the symbol.
 */
@Stateless
public class RatingAlerts {

    private static final Logger LOG = Logger.getLogger(RatingAlerts.class.getName());

    private static final String HELD = "SELECT DISTINCT p.symbol FROM positions p"
            + " JOIN accounts a ON a.id = p.account_id JOIN portfolios f ON f.id = a.portfolio_id"
            + " WHERE f.user_id = ? AND a.is_active AND p.quantity > 0 AND p.symbol = ANY (?)";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The rating of a symbol muted before any debate rated it. */
    static final String UNRATED = "UNRATED";

    @Inject
    AlertNotifier notifier;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Follows every rating of a completed debate. In a transaction of its own, so that a failure here cannot
     * undo or fail the debate that gave the rating.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ratingGiven(@Observes RatingGiven given) {
        try {
            List<RatingAlert> alerts = UserConnections.asUser(dataSource, given.userId(), "Rating alerts",
                    connection -> record(connection, given));
            // Pushed once stored: a client that reads its alerts on the push finds the new one.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        alerts.forEach(alert -> notifier.alerted(given.userId(), alert));
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rating alerts of debate " + given.debateId() + " were not recorded", e);
        }
    }

    private List<RatingAlert> record(Connection connection, RatingGiven given) throws SQLException {
        List<RatingAlert> alerts = new ArrayList<>();
        String rating = given.rating().name();
        for (String symbol : held(connection, given.userId(), given.symbols())) {
            String previous = null;
            boolean muted = false;
            try (PreparedStatement select = connection.prepareStatement("SELECT rating, muted FROM rating_watches"
                    + " WHERE user_id = ? AND symbol = ? FOR UPDATE")) {
                select.setObject(1, given.userId());
                select.setString(2, symbol);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        previous = row.getString(1);
                        muted = row.getBoolean(2);
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO rating_watches (user_id,"
                    + " symbol, rating, debate_id) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, symbol) DO UPDATE"
                    + " SET rating = EXCLUDED.rating, debate_id = EXCLUDED.debate_id, updated_at = NOW()")) {
                upsert.setObject(1, given.userId());
                upsert.setString(2, symbol);
                upsert.setString(3, rating);
                upsert.setObject(4, given.debateId());
                upsert.executeUpdate();
            }
            if (previous != null && !UNRATED.equals(previous) && !previous.equals(rating) && !muted) {
                alerts.add(insertAlert(connection, given, symbol, previous, rating));
            }
        }
        return alerts;
    }

    private List<String> held(Connection connection, UUID userId, List<String> symbols) throws SQLException {
        List<String> held = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(HELD)) {
            Array array = connection.createArrayOf("text", symbols.toArray());
            select.setObject(1, userId);
            select.setArray(2, array);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.add(row.getString(1));
                }
            }
        }
        return held;
    }

    private RatingAlert insertAlert(Connection connection, RatingGiven given, String symbol, String previous,
                                    String rating) throws SQLException {
        String message = String.format(Locale.ROOT, "%s on %s, held in your portfolio: was %s", label(rating), symbol,
                label(previous));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rating_alerts (user_id, symbol,"
                + " previous_rating, rating, debate_id, message) VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at")) {
            insert.setObject(1, given.userId());
            insert.setString(2, symbol);
            insert.setString(3, previous);
            insert.setString(4, rating);
            insert.setObject(5, given.debateId());
            insert.setString(6, message);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new RatingAlert(row.getObject(1, UUID.class), symbol, previous, rating, given.debateId(),
                        message, row.getTimestamp(2).toInstant(), null);
            }
        }
    }

    private static String label(String rating) {
        return rating.replace('_', ' ');
    }

    /** The user's alerts, newest first. */
    public List<RatingAlert> list(UUID userId) {
        return UserConnections.asUser(dataSource, userId, "Rating alerts", connection -> {
            List<RatingAlert> alerts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, symbol, previous_rating, rating,"
                    + " debate_id, message, created_at, read_at FROM rating_alerts WHERE user_id = ?"
                    + " ORDER BY created_at DESC LIMIT 100")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Timestamp read = row.getTimestamp(8);
                        alerts.add(new RatingAlert(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                                row.getString(4), row.getObject(5, UUID.class), row.getString(6),
                                row.getTimestamp(7).toInstant(), read == null ? null : read.toInstant()));
                    }
                }
            }
            return alerts;
        });
    }

    /** Marks one of the user's alerts read; another user's id reads as not found. */
    public void markRead(UUID userId, UUID alertId) {
        int updated = UserConnections.asUser(dataSource, userId, "Rating alerts", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE rating_alerts SET read_at ="
                    + " COALESCE(read_at, NOW()) WHERE id = ? AND user_id = ?")) {
                update.setObject(1, alertId);
                update.setObject(2, userId);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw FinAgentException.notFound("Alert", alertId);
        }
    }

    /** The symbols the user's debates have rated while held, with their last rating. */
    public List<RatingWatch> watches(UUID userId) {
        return UserConnections.asUser(dataSource, userId, "Rating alerts", connection -> {
            List<RatingWatch> watches = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT symbol, rating, debate_id, muted,"
                    + " updated_at FROM rating_watches WHERE user_id = ? ORDER BY symbol")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        watches.add(new RatingWatch(row.getString(1), row.getString(2),
                                row.getObject(3, UUID.class), row.getBoolean(4), row.getTimestamp(5).toInstant()));
                    }
                }
            }
            return watches;
        });
    }

    /**
     * Mutes (or unmutes) the alerts of {@code symbol}; its ratings are still remembered, so unmuting alerts on the
     * next change from the last rating. A symbol not yet rated is remembered as muted before its first rating.
     */
    public RatingWatch mute(UUID userId, String symbol, boolean muted) {
        return UserConnections.asUser(dataSource, userId, "Rating alerts", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO rating_watches (user_id, symbol,"
                    + " rating, muted) VALUES (?, ?, '" + UNRATED + "', ?) ON CONFLICT (user_id, symbol) DO UPDATE"
                    + " SET muted = EXCLUDED.muted RETURNING rating, debate_id, muted, updated_at")) {
                upsert.setObject(1, userId);
                upsert.setString(2, symbol);
                upsert.setBoolean(3, muted);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return new RatingWatch(symbol, row.getString(1), row.getObject(2, UUID.class),
                            row.getBoolean(3), row.getTimestamp(4).toInstant());
                }
            }
        });
    }
}
