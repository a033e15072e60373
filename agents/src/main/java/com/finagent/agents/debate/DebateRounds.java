package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.TokenCount;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rounds of the agent-debate step, in which every participant that took a stance answers the others' latest
 * positions. Abstainers sit the rounds out: with nothing for their mandate they have nothing to argue.
 */
final class DebateRounds {

    private final Collection<Session> sessions;
    private final Map<String, Participant> byId;
    private final DebateSettings settings;
    private final TokenBudget budget;
    private final ParallelTurns turns;

    DebateRounds(Collection<Session> sessions, Map<String, Participant> byId, DebateSettings settings,
                 TokenBudget budget, ParallelTurns turns) {
        this.sessions = sessions;
        this.byId = byId;
        this.settings = settings;
        this.budget = budget;
        this.turns = turns;
    }

    /** Plays one round under {@code roundStep} and measures how far the positions moved. */
    DebateRound play(int round, ExecutionGraph.Node roundStep) {
        List<Session> active = sessions.stream().filter(Session::counted).toList();
        for (Session session : active) {
            // what the others cite is now before this participant too, tool results included
            active.stream().filter(o -> o != session).forEach(o -> session.index.addAll(o.index));
        }
        Map<String, Position> before = new LinkedHashMap<>();
        List<String> previousNodes = new ArrayList<>();
        for (Session session : active) {
            before.put(session.participant.id(), session.latest);
            previousNodes.add(session.latestNodeId);
        }
        Map<Session, UserMessage> prompts = new LinkedHashMap<>();
        for (Session session : active) {
            List<Position> others = active.stream().filter(o -> o != session).map(o -> o.latest).toList();
            prompts.put(session, Prompts.round(round, session.latest, session.weighed, others, byId));
        }
        TokenCount tokens = turns.run("debate-round", String.format(Locale.ROOT, "03 %s/round-%02d",
                DebateEngine.AGENT_DEBATE, round), round, roundStep, prompts, s -> previousNodes, s -> "round "
                + round + ": answers " + active.stream().filter(o -> o != s).map(o -> o.participant.id()).toList());
        List<Position> after = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        double confidenceChange = 0;
        for (Session session : active) {
            Position previous = before.get(session.participant.id());
            after.add(session.latest);
            if (session.latest.stance() != previous.stance()) {
                changes.add(session.participant.id());
            }
            if (session.latest != previous && session.latest.rejectedChange() != null) {
                rejected.add(session.participant.id());
            }
            confidenceChange += Math.abs(session.latest.confidence() - previous.confidence());
        }
        double meanChange = ConsensusBuilder.round(active.isEmpty() ? 0 : confidenceChange / active.size());
        int spread = spread(after.stream().filter(p -> !p.abstained()).toList());
        boolean converged = spread <= settings.convergenceSpread()
                && meanChange <= settings.convergenceConfidenceDelta();
        return new DebateRound(round, after, spread, meanChange, changes, converged, tokens, rejected);
    }

    /**
     * What a round will cost: every active participant resends its conversation plus the round's prompt. Counted
     * in words and scaled by the tokens-per-word the models have reported so far.
     */
    long estimate(int round) {
        long words = 0;
        List<Session> active = sessions.stream().filter(Session::counted).toList();
        for (Session session : active) {
            List<Position> others = active.stream().filter(o -> o != session).map(o -> o.latest).toList();
            words += MessageRecord.words(session.history) + AgentProtocol.countTokens(
                    Prompts.round(round, session.latest, session.weighed, others, byId).singleText());
        }
        return budget.tokensForWords(words) + active.size() * budget.outputPerCall();
    }

    /**
     * Whether the counted positions converged: as the last round judged them, or by their spread alone when no round
     * was played.
     */
    boolean converged(List<DebateRound> rounds, List<Position> counted) {
        return rounds.isEmpty() ? spread(counted) <= settings.convergenceSpread()
                : rounds.get(rounds.size() - 1).converged();
    }

    private static int spread(List<Position> positions) {
        int min = positions.stream().mapToInt(p -> p.stance().value()).min().orElse(0);
        int max = positions.stream().mapToInt(p -> p.stance().value()).max().orElse(0);
        return max - min;
    }
}
