package com.finagent.agents.offline.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static com.finagent.agents.offline.analyst.Numbers.round2;
import static com.finagent.agents.offline.analyst.Stances.STANCES;
import static com.finagent.agents.offline.analyst.Stances.direction;
import static com.finagent.agents.offline.analyst.Stances.directionSign;
import static com.finagent.agents.offline.analyst.Stances.distinctCitations;
import static com.finagent.agents.offline.analyst.Stances.quality;
import static com.finagent.agents.offline.analyst.Stances.stanceOf;
import static com.finagent.agents.offline.analyst.Stances.stanceValue;

/** A participant's position JSON ({@code AgentProtocol}) for the first analysis and for each debate round. */
final class PositionWriter {

    private record Opinion(String participant, String name, int stance, double confidence,
                           List<JsonNode> arguments, int citations) {
    }

    private final AnalysisInputs inputs;
    private final String participantId;
    private final String participantName;
    private final String mandate;
    private final List<String> symbols;
    private final List<Integer> ownStances;

    PositionWriter(AnalysisInputs inputs) {
        this.inputs = inputs;
        this.participantId = inputs.participantId();
        this.participantName = inputs.participantName();
        this.mandate = inputs.mandate();
        this.symbols = inputs.symbols();
        this.ownStances = inputs.ownStances();
    }

    /** The first answer of the debate: the stance the evidence supports and the strongest arguments. */
    ObjectNode initialPosition() {
        Assessment assessment = assess();
        if (topArguments(assessment, 1).isEmpty()) {
            return abstention(assessment);
        }
        int stance = stanceOf(assessment.score());
        ObjectNode position = positionNode(stance, assessment.confidence(), assessment);
        ArrayNode arguments = position.putArray("arguments");
        for (Contribution contribution : topArguments(assessment, 4)) {
            arguments.add(argument(contribution));
        }
        position.put("summary", summary(stance, assessment));
        return position;
    }

    /** No evidence for the mandate: no stance, and what the mandate's signal groups lacked. */
    private ObjectNode abstention(Assessment assessment) {
        ObjectNode position = Json.mapper().createObjectNode();
        position.put("model", ModelSpec.OFFLINE_MODEL_ID);
        position.put("participant", participantId);
        position.put("stance", "ABSTAIN");
        ArrayNode lacking = position.putArray("lacking");
        for (String group : assessment.effectiveWeights().keySet()) {
            lacking.add(Mandates.describe(group) + " for " + String.join(", ", symbols));
        }
        position.put("summary", participantName + " (" + mandate + " mandate) abstains on " + String.join(", ", symbols)
                + ": the evidence holds nothing the mandate weighs.");
        return position;
    }

    /**
     * The answer to a round: rebuts the strongest opposing participant and moves one notch toward the group when
     * outweighed, never beyond one notch from its own evidence and never back.
     */
    ObjectNode roundPosition(JsonNode round) {
        Assessment assessment = assess();
        if (topArguments(assessment, 1).isEmpty()) {
            return abstention(assessment);
        }
        JsonNode you = round.path("you");
        Set<String> weighed = new HashSet<>();
        you.path("weighed").forEach(w -> weighed.add(w.asText()));
        you.path("arguments").forEach(a -> a.path("evidence").forEach(e -> weighed.add(e.asText())));
        int own = stanceValue(you.path("stance").asText("HOLD"));
        double confidence = you.path("confidence").asDouble(assessment.confidence());
        List<Opinion> others = new ArrayList<>();
        for (JsonNode other : round.path("others")) {
            List<JsonNode> arguments = new ArrayList<>();
            other.path("arguments").forEach(arguments::add);
            others.add(new Opinion(other.path("participant").asText(), other.path("name").asText(
                    other.path("participant").asText()), stanceValue(other.path("stance").asText("HOLD")),
                    other.path("confidence").asDouble(0.5), arguments, distinctCitations(other.path("arguments"))));
        }
        double weightSum = confidence;
        double weighted = confidence * own;
        for (Opinion other : others) {
            weightSum += other.confidence();
            weighted += other.confidence() * other.stance();
        }
        double mean = weightSum == 0 ? own : weighted / weightSum;
        // pulled only when the group's weighted mean rounds to another stance
        int pull = mean >= own + 0.5 ? 1 : mean <= own - 0.5 ? -1 : 0;
        List<Opinion> opposing = others.stream()
                .filter(o -> pull != 0 ? Integer.signum(o.stance() - own) == pull : Math.abs(o.stance() - own) >= 1)
                .toList();
        Opinion strongest = opposing.stream()
                .max(Comparator.comparingDouble((Opinion o) -> o.confidence() * quality(o.citations()) * Math.abs(o.stance() - own))
                        .thenComparing(Opinion::participant, Comparator.reverseOrder()))
                .orElse(null);
        double ownWeight = confidence * quality(distinctCitations(you.path("arguments")));
        double opposingWeight = opposing.isEmpty() ? 0 : opposing.stream()
                .mapToDouble(o -> o.confidence() * quality(o.citations())).average().orElse(0)
                * Math.min(1.3, 1 + 0.15 * (opposing.size() - 1));
        // a concession is at most one notch from what the own evidence says, and never taken back
        int anchor = stanceOf(assessment.score());
        boolean withinMandate = Math.abs(own + pull - anchor) <= 1;
        int firstRevision = firstRevision();
        boolean consistent = firstRevision == 0 || firstRevision == pull;
        // a move needs evidence this participant had not weighed: the strongest opposing case's own citations
        List<String> fresh = strongest == null ? List.of() : strongest.arguments().stream()
                .filter(a -> !a.hasNonNull("respondsTo"))
                .filter(a -> directionSign(a.path("direction").asText()) == pull)
                .flatMap(a -> StreamSupport.stream(a.path("evidence").spliterator(), false))
                .map(JsonNode::asText).filter(c -> !weighed.contains(c)).distinct().toList();
        boolean revise = pull != 0 && withinMandate && consistent && !fresh.isEmpty()
                && opposingWeight > ownWeight + 0.02;
        int stance = revise ? own + pull : own;
        double newConfidence = round2(revise ? confidence * 0.9 : confidence);

        ObjectNode position = positionNode(stance, newConfidence, assessment);
        ArrayNode arguments = position.putArray("arguments");
        if (strongest != null) {
            int theirSide = Integer.signum(strongest.stance() - own);
            // answer their own case, not their rebuttal of someone else
            JsonNode theirPoint = strongest.arguments().stream()
                    .filter(a -> !a.hasNonNull("respondsTo"))
                    .filter(a -> directionSign(a.path("direction").asText()) == theirSide)
                    .findFirst().orElse(strongest.arguments().stream().filter(a -> !a.hasNonNull("respondsTo"))
                            .findFirst().orElse(null));
            String their = theirPoint == null ? "its " + STANCES[strongest.stance() + 2] + " call"
                    : "'" + theirPoint.path("claim").asText() + "'";
            Contribution counter = assessment.ranked().stream()
                    .filter(c -> Math.signum(c.score()) == -theirSide)
                    .findFirst().orElse(null);
            String claim;
            List<String> cites = counter == null ? List.of() : counter.cites();
            if (revise) {
                cites = fresh;
                claim = strongest.name() + "'s case (" + their + ") rests on evidence I had not weighed ("
                        + String.join(", ", fresh) + "), and it moves me from " + STANCES[own + 2] + " to "
                        + STANCES[stance + 2] + (counter == null ? "." : "; what still holds me back: "
                        + counter.claim());
            } else if (counter != null) {
                claim = "Against " + strongest.name() + "'s point " + their + ": " + counter.claim();
            } else {
                claim = strongest.name() + "'s point " + their
                        + " is not contradicted by my evidence, but it does not outweigh my case.";
            }
            ObjectNode rebuttal = Json.mapper().createObjectNode();
            rebuttal.put("claim", claim);
            rebuttal.set("evidence", Json.tree(cites));
            rebuttal.put("direction", direction(stance - own != 0 ? stance - own : -theirSide));
            rebuttal.put("respondsTo", strongest.participant());
            arguments.add(rebuttal);
            position.put("respondsTo", strongest.participant());
        }
        for (Contribution contribution : topArguments(assessment, 3)) {
            arguments.add(argument(contribution));
        }
        if (revise) {
            position.put("revisedFrom", STANCES[own + 2]);
        }
        position.put("summary", (revise ? "Revised to " : "Holding ") + STANCES[stance + 2].replace('_', ' ')
                + " after round " + round.path("round").asInt(1) + ". " + summary(stance, assessment));
        return position;
    }

    /** Direction of this participant's first change of stance in the conversation, 0 if it never changed. */
    private int firstRevision() {
        for (int i = 1; i < ownStances.size(); i++) {
            int change = Integer.signum(ownStances.get(i) - ownStances.get(i - 1));
            if (change != 0) {
                return change;
            }
        }
        return 0;
    }

    private ObjectNode positionNode(int stance, double confidence, Assessment assessment) {
        ObjectNode position = Json.mapper().createObjectNode();
        position.put("model", ModelSpec.OFFLINE_MODEL_ID);
        position.put("participant", participantId);
        position.put("stance", STANCES[stance + 2]);
        position.put("confidence", confidence);
        ArrayNode perSymbol = position.putArray("symbols");
        assessment.symbolScores().forEach((symbol, score) -> {
            ObjectNode view = perSymbol.addObject();
            view.put("symbol", symbol);
            view.put("stance", STANCES[stanceOf(score) + 2]);
            view.put("score", round2(score));
        });
        return position;
    }

    private String summary(int stance, Assessment assessment) {
        String lead = participantName + " (" + mandate + " mandate): " + STANCES[stance + 2].replace('_', ' ') + " on "
                + String.join(", ", symbols) + ".";
        List<Contribution> top = topArguments(assessment, 1);
        return lead + " Strongest point: " + top.get(0).claim();
    }

    private List<Contribution> topArguments(Assessment assessment, int limit) {
        return assessment.ranked().stream().filter(c -> c.score() != 0).limit(limit).toList();
    }

    private static ObjectNode argument(Contribution contribution) {
        ObjectNode argument = Json.mapper().createObjectNode();
        argument.put("claim", contribution.claim());
        argument.set("evidence", Json.tree(contribution.cites()));
        argument.put("direction", direction(contribution.score()));
        return argument;
    }

    private Assessment assess() {
        return Assessment.of(inputs, new Signals(inputs));
    }
}
