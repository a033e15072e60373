package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import java.util.List;

/**
 * One round of the debate.
 *
 * @param round                number, from 1
 * @param positions            positions after the round (participants that failed this round keep their previous one)
 * @param spread               max minus min stance after the round
 * @param meanConfidenceChange mean absolute change of confidence in the round
 * @param stanceChanges        participants whose stance the round changed, each citing evidence it had not weighed
 * @param converged            whether the round met the convergence thresholds
 * @param tokens               tokens the round used
 * @param rejectedChanges      participants whose model changed the stance without citing evidence it had not
 *                             weighed: the change was reverted
 */
public record DebateRound(int round, List<Position> positions, int spread, double meanConfidenceChange,
                          List<String> stanceChanges, boolean converged, TokenCount tokens,
                          List<String> rejectedChanges) {

    public DebateRound {
        rejectedChanges = rejectedChanges == null ? List.of() : List.copyOf(rejectedChanges);
    }
}
