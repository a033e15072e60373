package com.finagent.application.alert;

import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.debate.DebateService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-evaluates every user's held positions every {@code finagent.alerts.review-hours} hours (0, the default, is
 * off: offline, a review is a debate per user that nobody asked for). Each user's held symbols are debated by the
 * analyst, in groups of {@value #SYMBOLS_PER_DEBATE}, through the debate queue; the ratings then raise alerts as any
 * debate's do. Every instance keeps the timer, and the one that first moves the review's start time in the
 * database runs it, so a cluster reviews once per interval.
 */
@Singleton
@Startup
public class HoldingsReview {

    private static final Logger LOG = Logger.getLogger(HoldingsReview.class.getName());
    static final int SYMBOLS_PER_DEBATE = 5;
    /** Timers of different instances drift apart by seconds; a review this close to the last one is the same. */
    private static final int SLACK_MINUTES = 5;

    @Inject
    @ConfigProperty(name = "finagent.alerts.review-hours", defaultValue = "0")
    int reviewHours;

    @Resource
    TimerService timers;

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    DebateService debates;

    @PostConstruct
    void schedule() {
        if (reviewHours > 0) {
            long interval = reviewHours * 3_600_000L;
            timers.createIntervalTimer(interval, interval, new TimerConfig("holdings-review", false));
        }
    }

    @Timeout
    void timedOut() {
        review();
    }

    /** Starts the review if no instance has started it this interval; answers the debates started. */
    public int review() {
        try {
            return claim() ? queueDebates() : 0;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The holdings review did not run", e);
            return 0;
        }
    }

    /** Starts a review now, whenever the last one ran (an administrator's request); answers the debates started. */
    public int reviewNow() {
        try {
            return queueDebates();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the held positions failed", e);
        }
    }

    private int queueDebates() throws SQLException {
        int started = 0;
        for (Map.Entry<UUID, List<String>> holder : heldSymbols().entrySet()) {
            List<String> symbols = holder.getValue();
            for (int from = 0; from < symbols.size(); from += SYMBOLS_PER_DEBATE) {
                List<String> group = symbols.subList(from, Math.min(symbols.size(), from + SYMBOLS_PER_DEBATE));
                debates.start(holder.getKey(), "Scheduled review of held positions: " + String.join(", ", group),
                        "analyst", group, null, null);
                started++;
            }
        }
        int count = started;
        LOG.info(() -> "Holdings review: " + count + " debates queued");
        return started;
    }

    private boolean claim() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE holdings_reviews SET last_started = NOW()"
                     + " WHERE id = 1 AND last_started <= NOW() - make_interval(hours => ?)"
                     + " + make_interval(mins => ?)")) {
            update.setInt(1, reviewHours);
            update.setInt(2, SLACK_MINUTES);
            return update.executeUpdate() == 1;
        }
    }

    private Map<UUID, List<String>> heldSymbols() throws SQLException {
        Map<UUID, List<String>> held = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement scheduler = connection.prepareStatement(
                    "SELECT set_config('app.scheduler', 'on', true)")) {
                scheduler.executeQuery().close();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT f.user_id, p.symbol"
                    + " FROM positions p JOIN accounts a ON a.id = p.account_id JOIN portfolios f"
                    + " ON f.id = a.portfolio_id WHERE a.is_active AND p.quantity > 0 ORDER BY f.user_id, p.symbol");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        return held;
    }
}
