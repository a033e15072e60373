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
 * stored outcome. Row-level security keeps it to the caller's own debates.
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
