package com.finagent.application.scorecard;

import com.finagent.agents.debate.Stance;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.UserConnections;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The caller's scorecard from their evaluated recommendations (the reflections): the debate's rating with the
 * consensus confidence, and each participant's final stance with its own confidence and model, read from the
 * stored outcome; and, marked as backtests, the ratings of the caller's completed backtests, each judged from its
 * day to the next rebalance. Row-level security keeps it to the caller's own debates and backtests.
 */
@Stateless
public class ScorecardService {

    private static final String RECOMMENDATIONS = "SELECT d.assistant_type, d.model, r.rating,"
            + " COALESCE((d.outcome -> 'consensus' ->> 'confidence')::float8, 0), r.symbol_return, r.spy_return"
            + " FROM debate_reflections r JOIN debates d ON d.id = r.debate_id"
            + " WHERE r.user_id = ? AND r.evaluated_at IS NOT NULL";

    private static final String PARTICIPANT_CALLS = "SELECT d.assistant_type, COALESCE(p ->> 'model', d.model),"
            + " p ->> 'participant', p ->> 'stance', COALESCE((p ->> 'confidence')::float8, 0), r.symbol_return,"
            + " r.spy_return"
            + " FROM debate_reflections r JOIN debates d ON d.id = r.debate_id,"
            + " jsonb_array_elements(COALESCE(d.outcome -> 'finalPositions', '[]'::jsonb)) p"
            + " WHERE r.user_id = ? AND r.evaluated_at IS NOT NULL AND p ->> 'stance' IS NOT NULL"
            + " AND NOT COALESCE((p ->> 'abstained')::boolean, FALSE)";

    /** The calls of the caller's completed backtests (not their replays, which repeat them). */
    private static final String BACKTEST_CALLS = "SELECT b.request ->> 'assistantType', c ->> 'rating',"
            + " COALESCE((c ->> 'confidence')::float8, 0), (c ->> 'symbolReturn')::float8, (c ->> 'spyReturn')::float8"
            + " FROM backtests b, jsonb_array_elements(b.result -> 'symbols') s, jsonb_array_elements(s -> 'calls') c"
            + " WHERE b.user_id = ? AND b.status = 'completed' AND b.replay_of IS NULL AND c ->> 'rating' IS NOT NULL"
            + " AND c ->> 'symbolReturn' IS NOT NULL AND c ->> 'spyReturn' IS NOT NULL";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    public Scorecard of(UUID userId) {
        return UserConnections.asUser(dataSource, userId, "Scorecard", connection -> {
            List<ScoredCall> recommendations = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(RECOMMENDATIONS)) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        recommendations.add(new ScoredCall(row.getString(1), null, row.getString(2),
                                Stance.valueOf(row.getString(3)), row.getDouble(4), row.getDouble(5),
                                row.getDouble(6), false));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(BACKTEST_CALLS)) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        recommendations.add(new ScoredCall(row.getString(1), null, null,
                                Stance.valueOf(row.getString(2)), row.getDouble(3), row.getDouble(4),
                                row.getDouble(5), true));
                    }
                }
            }
            List<ScoredCall> participantCalls = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(PARTICIPANT_CALLS)) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        participantCalls.add(new ScoredCall(row.getString(1), row.getString(3), row.getString(2),
                                Stance.parse(row.getString(4)), row.getDouble(5), row.getDouble(6),
                                row.getDouble(7), false));
                    }
                }
            }
            return Scorecard.of(recommendations, participantCalls);
        });
    }
}
