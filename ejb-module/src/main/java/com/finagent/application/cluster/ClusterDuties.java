package com.finagent.application.cluster;

import com.finagent.application.database.ApplicationDataSource;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Work the cluster does once per period whichever instances run: each instance keeps its own (non-persistent)
 * timer, and a firing timer first claims the period's run here; one claim per period succeeds in the whole cluster,
 * and when the instance that used to win stops, the next timer of another instance wins. The database arbitrates
 * because it is the one thing all instances share that orders concurrent claims; Payara's persistent timers in the
 * data grid would not do it, as every instance restores and fires its own copy of them. Work done continuously by
 * one instance at a time is {@link #hold held} on a lease in the same table.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClusterDuties {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /**
     * True if this call wins the run of {@code duty} for the period starting now, false if another call (of any
     * instance) won it less than {@code period} ago. A claim up to a tenth of the period early wins: timers of one
     * instance drift, and its run must not slip a whole period because it fired a moment before the last one ends.
     */
    public boolean claim(String duty, Duration period) {
        long periodMillis = period.toMillis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("INSERT INTO cluster_duties AS d (name, due_at,"
                     + " claimed_by, claimed_at) VALUES (?, NOW() + ? * INTERVAL '1 millisecond', ?, NOW())"
                     + " ON CONFLICT (name) DO UPDATE SET due_at = EXCLUDED.due_at, claimed_by = EXCLUDED.claimed_by,"
                     + " claimed_at = EXCLUDED.claimed_at WHERE d.due_at <= NOW() + ? * INTERVAL '1 millisecond'")) {
            claim.setString(1, duty);
            claim.setLong(2, periodMillis);
            claim.setString(3, ServerInstance.NAME);
            claim.setLong(4, periodMillis / 10);
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim the cluster duty " + duty, e);
        }
    }

    /**
     * True if this instance holds the lease on {@code duty} for the next {@code lease}: it held it already (and now
     * renews it), or nobody did, or its holder let it run out (stopped, or no longer needs it). For work one instance
     * does continuously, such as ticking the market feed; when the holder stops, another instance asking takes it
     * over within one lease.
     */
    public boolean hold(String duty, Duration lease) {
        return hold(duty, lease, ServerInstance.NAME);
    }

    boolean hold(String duty, Duration lease, String holder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement hold = connection.prepareStatement("INSERT INTO cluster_duties AS d (name, due_at,"
                     + " claimed_by, claimed_at) VALUES (?, NOW() + ? * INTERVAL '1 millisecond', ?, NOW())"
                     + " ON CONFLICT (name) DO UPDATE SET due_at = EXCLUDED.due_at, claimed_by = EXCLUDED.claimed_by,"
                     + " claimed_at = CASE WHEN d.claimed_by = EXCLUDED.claimed_by THEN d.claimed_at"
                     + " ELSE EXCLUDED.claimed_at END WHERE d.claimed_by = EXCLUDED.claimed_by OR d.due_at <= NOW()")) {
            hold.setString(1, duty);
            hold.setLong(2, lease.toMillis());
            hold.setString(3, holder);
            return hold.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hold the cluster duty " + duty, e);
        }
    }
}
