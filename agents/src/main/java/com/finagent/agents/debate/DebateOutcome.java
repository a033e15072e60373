package com.finagent.agents.debate;

import com.finagent.agents.model.TokenCount;
import java.util.List;
import java.util.Map;

/**
 * Everything a debate produced, with the request it ran on (evidence gathered by the sources included) so it can be
 * stored and replayed.
 *
 * @param debateId         the debate
 * @param status           completed, partial or failed
 * @param request          the request as run: id, gathered evidence and settings filled in
 * @param participants     who took part, with model, status and tokens
 * @param initialPositions positions of the initial analysis
 * @param rounds           the debate rounds that ran
 * @param finalPositions   each participant's last position
 * @param consensus        the aggregate with agreement and dissent; null when no participant produced a position
 * @param recommendation   the answer; null when no participant produced a position
 * @param tokens           tokens of the whole debate
 * @param tokensByStep     tokens by step name
 * @param budgetLimited    whether the token budget cut the debate short
 * @param stopReason       why the debate stopped: converged, stable, max-rounds, budget, too-few-participants, no-rounds
 * @param failures         errors by execution name ({@code initial-analysis/risk}, …)
 * @param executions       every node of the execution graph, finished, in the order they finished
 * @param transcript       every agent turn's messages
 */
public record DebateOutcome(String debateId, DebateStatus status, DebateRequest request,
                            List<ParticipantSummary> participants, List<Position> initialPositions,
                            List<DebateRound> rounds, List<Position> finalPositions, Consensus consensus,
                            Recommendation recommendation, TokenCount tokens, Map<String, TokenCount> tokensByStep,
                            boolean budgetLimited, String stopReason, Map<String, String> failures,
                            List<Execution> executions, List<CallRecord> transcript) {
}
