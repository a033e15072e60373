package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    private static final JsonProvider JSON = CanonicalJson.provider();

    private record Opinion(String participant, String name, int stance, double confidence,
                           List<JsonValue> arguments, int citations) {
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
    JsonObject initialPosition() {
        Assessment assessment = assess();
        if (topArguments(assessment, 1).isEmpty()) {
            return abstention(assessment);
        }
        int stance = stanceOf(assessment.score());
        JsonObjectBuilder position = positionNode(stance, assessment.confidence(), assessment);
        List<JsonObject> arguments = new ArrayList<>();
        for (Contribution contribution : topArguments(assessment, 4)) {
            arguments.add(argument(contribution));
        }
        position.add("arguments", JSON.createArrayBuilder(arguments));
        position.add("summary", summary(stance, assessment));
        return position.build();
    }

    /** No evidence for the mandate: no stance, and what the mandate's signal groups lacked. */
    private JsonObject abstention(Assessment assessment) {
        JsonArrayBuilder lacking = JSON.createArrayBuilder();
        for (String group : assessment.effectiveWeights().keySet()) {
            lacking.add(Mandates.describe(group) + " for " + String.join(", ", symbols));
        }
        return JSON.createObjectBuilder()
                .add("model", ModelSpec.OFFLINE_MODEL_ID)
                .add("participant", participantId)
                .add("stance", "ABSTAIN")
                .add("lacking", lacking)
                .add("summary", participantName + " (" + mandate + " mandate) abstains on "
                        + String.join(", ", symbols) + ": the evidence holds nothing the mandate weighs.")
                .build();
    }

    /**
     * The answer to a round: rebuts the strongest opposing participant and moves one notch toward the group when
     * outweighed, never beyond one notch from its own evidence and never back.
     */
    JsonObject roundPosition(JsonObject round) {
        Assessment assessment = assess();
        if (topArguments(assessment, 1).isEmpty()) {
            return abstention(assessment);
        }
        JsonObject you = JsonFields.object(round, "you");
        Set<String> weighed = new HashSet<>();
        JsonFields.array(you, "weighed").forEach(w -> weighed.add(JsonFields.text(w)));
        JsonFields.array(you, "arguments").forEach(a -> JsonFields.array(a, "evidence")
                .forEach(e -> weighed.add(JsonFields.text(e))));
        int own = stanceValue(JsonFields.text(you, "stance", "HOLD"));
        double confidence = JsonFields.number(you, "confidence", assessment.confidence());
        List<Opinion> others = new ArrayList<>();
        for (JsonValue other : JsonFields.array(round, "others")) {
            JsonArray arguments = JsonFields.array(other, "arguments");
            String participant = JsonFields.text(other, "participant", "");
            others.add(new Opinion(participant, JsonFields.text(other, "name", participant),
                    stanceValue(JsonFields.text(other, "stance", "HOLD")), JsonFields.number(other, "confidence", 0.5),
                    List.copyOf(arguments), distinctCitations(arguments)));
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
        double ownWeight = confidence * quality(distinctCitations(JsonFields.array(you, "arguments")));
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
                .filter(a -> !JsonFields.hasNonNull(a, "respondsTo"))
                .filter(a -> directionSign(JsonFields.text(a, "direction", "")) == pull)
                .flatMap(a -> JsonFields.array(a, "evidence").stream())
                .map(JsonFields::text).filter(c -> c != null && !weighed.contains(c)).distinct().toList();
        boolean revise = pull != 0 && withinMandate && consistent && !fresh.isEmpty()
                && opposingWeight > ownWeight + 0.02;
        int stance = revise ? own + pull : own;
        double newConfidence = round2(revise ? confidence * 0.9 : confidence);

        JsonObjectBuilder position = positionNode(stance, newConfidence, assessment);
        List<JsonObject> arguments = new ArrayList<>();
        if (strongest != null) {
            int theirSide = Integer.signum(strongest.stance() - own);
            // answer their own case, not their rebuttal of someone else
            JsonValue theirPoint = strongest.arguments().stream()
                    .filter(a -> !JsonFields.hasNonNull(a, "respondsTo"))
                    .filter(a -> directionSign(JsonFields.text(a, "direction", "")) == theirSide)
                    .findFirst().orElse(strongest.arguments().stream().filter(a -> !JsonFields.hasNonNull(a, "respondsTo"))
                            .findFirst().orElse(null));
            String their = theirPoint == null ? "its " + STANCES[strongest.stance() + 2] + " call"
                    : "'" + JsonFields.text(theirPoint, "claim", "") + "'";
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
            arguments.add(JSON.createObjectBuilder()
                    .add("claim", claim)
                    .add("evidence", JSON.createArrayBuilder(cites))
                    .add("direction", direction(stance - own != 0 ? stance - own : -theirSide))
                    .add("respondsTo", strongest.participant())
                    .build());
            position.add("respondsTo", strongest.participant());
        }
        for (Contribution contribution : topArguments(assessment, 3)) {
            arguments.add(argument(contribution));
        }
        position.add("arguments", JSON.createArrayBuilder(arguments));
        if (revise) {
            position.add("revisedFrom", STANCES[own + 2]);
        }
        position.add("summary", (revise ? "Revised to " : "Holding ") + STANCES[stance + 2].replace('_', ' ')
                + " after round " + (int) JsonFields.number(round, "round", 1) + ". " + summary(stance, assessment));
        return position.build();
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

    private JsonObjectBuilder positionNode(int stance, double confidence, Assessment assessment) {
        JsonArrayBuilder perSymbol = JSON.createArrayBuilder();
        assessment.symbolScores().forEach((symbol, score) -> perSymbol.add(JSON.createObjectBuilder()
                .add("symbol", symbol)
                .add("stance", STANCES[stanceOf(score) + 2])
                .add("score", round2(score))));
        return JSON.createObjectBuilder()
                .add("model", ModelSpec.OFFLINE_MODEL_ID)
                .add("participant", participantId)
                .add("stance", STANCES[stance + 2])
                .add("confidence", confidence)
                .add("symbols", perSymbol);
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

    private static JsonObject argument(Contribution contribution) {
        return JSON.createObjectBuilder()
                .add("claim", contribution.claim())
                .add("evidence", JSON.createArrayBuilder(contribution.cites()))
                .add("direction", direction(contribution.score()))
                .build();
    }

    private Assessment assess() {
        return Assessment.of(inputs, new Signals(inputs));
    }
}
