package com.finagent.application.debate;

import com.finagent.agents.debate.Stance;
import com.finagent.agents.tools.EvidenceItem;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.UserConnections;
import com.finagent.application.error.FinAgentException;
import com.finagent.application.market.MarketDataService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Learning from past calls: each recommendation is remembered with the price of its symbols and of SPY; once its
 * horizon ({@code finagent.reflection.horizon-days}, default 30) has passed, its outcome (the symbol's return and
 * its excess over SPY) is computed from market data and a one-line lesson stored, which later debates on the
 * symbol receive as evidence.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Reflections {

    private static final Logger LOG = Logger.getLogger(Reflections.class.getName());
    static final String BENCHMARK = "SPY";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    MarketDataService market;

    @Inject
    @ConfigProperty(name = "finagent.reflection.horizon-days", defaultValue = "30")
    int horizonDays;

    Clock clock = Clock.systemUTC();

    /** Remembers a recommendation on {@code symbols} for evaluation after the horizon. */
    public void remember(UUID userId, UUID debateId, List<String> symbols, Stance rating) {
        double spy;
        try {
            spy = market.quote(BENCHMARK).price();
        } catch (FinAgentException noBenchmark) {
            return;
        }
        withUser(userId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO debate_reflections (user_id,"
                    + " debate_id, symbol, rating, price_at_call, spy_at_call, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (debate_id, symbol) DO NOTHING")) {
                for (String symbol : symbols) {
                    double price;
                    try {
                        price = market.quote(symbol).price();
                    } catch (FinAgentException unknown) {
                        continue;
                    }
                    insert.setObject(1, userId);
                    insert.setObject(2, debateId);
                    insert.setString(3, symbol);
                    insert.setString(4, rating.name());
                    insert.setDouble(5, price);
                    insert.setDouble(6, spy);
                    insert.setTimestamp(7, Timestamp.from(clock.instant().plus(Duration.ofDays(horizonDays))));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Lessons of the user's evaluated calls on these symbols, newest first, as evidence for a new debate. */
    public List<EvidenceItem> lessons(UUID userId, List<String> symbols) {
        if (symbols.isEmpty()) {
            return List.of();
        }
        return withUser(userId, connection -> {
            List<EvidenceItem> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, symbol, lesson, evaluated_at"
                    + " FROM debate_reflections WHERE user_id = ? AND symbol = ANY (?) AND lesson IS NOT NULL"
                    + " ORDER BY evaluated_at DESC LIMIT 5")) {
                select.setObject(1, userId);
                select.setArray(2, connection.createArrayOf("text", symbols.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LocalDate date = rows.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                        items.add(new EvidenceItem("lesson-" + (items.size() + 1), "Fin Agent reflection",
                                "Lesson from a past call on " + rows.getString(2), rows.getString(3), null,
                                date.toString(), rows.getString(2), "analyst", null));
                    }
                }
            }
            return items;
        });
    }

    /** Daily: evaluates every user's due recommendations. */
    @Schedule(hour = "3", minute = "17", persistent = false)
    void evaluateDaily() {
        evaluateDue();
    }

    /** The user's own recommendations whose horizon has passed, evaluated now. Returns how many were. */
    public int evaluateDue(UUID userId) {
        List<UUID> due = withUser(userId, connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM debate_reflections"
                    + " WHERE user_id = ? AND evaluated_at IS NULL AND due_at <= ?")) {
                select.setObject(1, userId);
                select.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        return (int) due.stream().filter(id -> evaluate(userId, id)).count();
    }

    /** What the user's past calls turned out to be, newest first. */
    public List<Reflection> list(UUID userId) {
        return withUser(userId, connection -> {
            List<Reflection> reflections = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT debate_id, symbol, rating,"
                    + " due_at, evaluated_at, symbol_return, spy_return, lesson FROM debate_reflections"
                    + " WHERE user_id = ? ORDER BY due_at DESC LIMIT 100")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        reflections.add(new Reflection(row.getObject(1, UUID.class), row.getString(2),
                                row.getString(3), row.getTimestamp(4).toInstant(),
                                row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant(),
                                (Double) row.getObject(6), (Double) row.getObject(7), row.getString(8)));
                    }
                }
            }
            return reflections;
        });
    }

    /** A remembered recommendation and, once evaluated, its outcome and lesson. */
    public record Reflection(UUID debateId, String symbol, String rating, java.time.Instant dueAt,
                             java.time.Instant evaluatedAt, Double symbolReturn, Double spyReturn, String lesson) {
    }

    /** Evaluates every user's due recommendations. Returns how many were evaluated. */
    public int evaluateDue() {
        List<UUID[]> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement scheduler = connection.prepareStatement(
                    "SELECT set_config('app.scheduler', 'on', true)")) {
                scheduler.executeQuery().close();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, user_id FROM debate_reflections"
                    + " WHERE evaluated_at IS NULL AND due_at <= ?")) {
                select.setTimestamp(1, Timestamp.from(clock.instant()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)});
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list due reflections", e);
        }
        int evaluated = 0;
        for (UUID[] reflection : due) {
            if (evaluate(reflection[1], reflection[0])) {
                evaluated++;
            }
        }
        int done = evaluated;
        LOG.info(() -> "Reflection: " + done + " past recommendations evaluated");
        return evaluated;
    }

    private boolean evaluate(UUID userId, UUID reflectionId) {
        return withUser(userId, connection -> {
            String symbol;
            String rating;
            double priceAtCall;
            double spyAtCall;
            try (PreparedStatement select = connection.prepareStatement("SELECT symbol, rating, price_at_call,"
                    + " spy_at_call FROM debate_reflections WHERE id = ? AND user_id = ?")) {
                select.setObject(1, reflectionId);
                select.setObject(2, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    symbol = row.getString(1);
                    rating = row.getString(2);
                    priceAtCall = row.getDouble(3);
                    spyAtCall = row.getDouble(4);
                }
            }
            double symbolReturn;
            double spyReturn;
            try {
                symbolReturn = market.quote(symbol).price() / priceAtCall - 1;
                spyReturn = market.quote(BENCHMARK).price() / spyAtCall - 1;
            } catch (FinAgentException unpriced) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE debate_reflections SET"
                    + " evaluated_at = ?, symbol_return = ?, spy_return = ?, lesson = ? WHERE id = ? AND user_id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setDouble(2, symbolReturn);
                update.setDouble(3, spyReturn);
                update.setString(4, lesson(symbol, Stance.valueOf(rating), symbolReturn, spyReturn));
                update.setObject(5, reflectionId);
                update.setObject(6, userId);
                update.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Was the call right? A buy when the symbol beat SPY, a sell when it lagged, a hold when it moved within
     * 3 % of SPY. The lessons and the scorecard judge by this one rule.
     */
    public static boolean wasRight(Stance rating, double excessOverSpy) {
        int direction = Integer.signum(rating.value());
        return direction == 0 ? Math.abs(excessOverSpy) < 0.03 : direction * excessOverSpy > 0;
    }

    static String lesson(String symbol, Stance rating, double symbolReturn, double spyReturn) {
        double excess = symbolReturn - spyReturn;
        int direction = Integer.signum(rating.value());
        String verdict;
        if (direction == 0) {
            verdict = wasRight(rating, excess) ? "the hold was right: it moved with the market"
                    : "a hold missed a " + (excess > 0 ? "gain" : "loss") + " against the market";
        } else {
            verdict = wasRight(rating, excess) ? "the call was right" : "the call was wrong";
        }
        return String.format(Locale.ROOT, "Rated %s; %s then returned %+.1f %% against SPY's %+.1f %% (excess %+.1f %%):"
                + " %s.", rating.label(), symbol, symbolReturn * 100, spyReturn * 100, excess * 100, verdict);
    }

    private <T> T withUser(UUID userId, UserConnections.SqlWork<T> work) {
        return UserConnections.asUser(dataSource, userId, "Reflection storage", work);
    }
}
