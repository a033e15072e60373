package com.finagent.agents.debate;

import java.util.List;
import java.util.Map;

/**
 * The confidence-weighted aggregate of the final positions.
 *
 * @param rating       stance the weighted score rounds to
 * @param score        confidence-weighted mean stance in [-2, 2]
 * @param confidence   mean confidence, lowered by the spread of stances
 * @param spread       max minus min stance, in notches
 * @param converged    whether the debate ended converged
 * @param tally        participant ids by stance
 * @param agreement    evidence cited the same way by two or more participants
 * @param dissent      participants away from the rating, with their reasons
 * @param participants participants counted: those that took a stance
 * @param abstained    participants that abstained for want of evidence, not counted
 */
public record Consensus(Stance rating, double score, double confidence, int spread, boolean converged,
                        Map<Stance, List<String>> tally, List<AgreementPoint> agreement, List<Dissent> dissent,
                        int participants, List<String> abstained) {

    public Consensus {
        abstained = abstained == null ? List.of() : List.copyOf(abstained);
    }
}
