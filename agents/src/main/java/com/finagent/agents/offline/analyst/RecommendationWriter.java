package com.finagent.agents.offline.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.Json;
import com.finagent.agents.model.ModelSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.finagent.agents.offline.analyst.Numbers.pct;
import static com.finagent.agents.offline.analyst.Stances.directionSign;
import static com.finagent.agents.offline.analyst.Stances.stanceValue;

/** The moderator's final recommendation JSON ({@code AgentProtocol}), written from the debate's consensus. */
final class RecommendationWriter {

    private final JsonNode context;
    private final List<String> symbols;
    private final Map<String, double[]> holdings;

    RecommendationWriter(AnalysisInputs inputs) {
        this.context = inputs.context();
        this.symbols = inputs.symbols();
        this.holdings = inputs.holdings();
    }

    /**
     * The final recommendation from the consensus and the participants' positions in the context: the rating,
     * the supporting arguments, the main risks, what would change the view, and actions on held symbols.
     */
    ObjectNode recommendation() {
        JsonNode consensus = context.path("consensus");
        String rating = consensus.path("rating").asText("HOLD");
        int value = stanceValue(rating);
        List<JsonNode> positions = new ArrayList<>();
        context.path("positions").forEach(positions::add);
        positions.sort(Comparator.comparingDouble((JsonNode p) -> -p.path("confidence").asDouble())
                .thenComparing(p -> p.path("participant").asText()));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("model", ModelSpec.OFFLINE_MODEL_ID);
        answer.put("rating", rating);
        long agreeing = positions.stream().filter(p -> p.path("stance").asText().equals(rating)).count();
        answer.put("headline", rating.replace('_', ' ') + " on " + String.join(", ", symbols) + ": " + agreeing
                + " of " + positions.size() + " participants at the consensus view");

        StringBuilder rationale = new StringBuilder("Confidence-weighted consensus of the participants is ")
                .append(rating.replace('_', ' ')).append('.');
        List<String> supportCites = new ArrayList<>();
        for (JsonNode position : positions) {
            int stance = stanceValue(position.path("stance").asText());
            if (Integer.signum(stance) == Integer.signum(value)) {
                JsonNode top = firstOwnArgument(position, Integer.signum(value));
                if (top != null) {
                    rationale.append(' ').append(position.path("name").asText(position.path("participant").asText()))
                            .append(": ").append(top.path("claim").asText()).append('.');
                    top.path("evidence").forEach(e -> supportCites.add(e.asText()));
                }
            }
        }
        JsonNode agreement = consensus.path("agreement");
        if (agreement.size() > 0) {
            rationale.append(" Common ground: ").append(agreement.get(0).path("point").asText()).append('.');
        }
        answer.put("rationale", rationale.toString());
        answer.set("evidence", Json.tree(new ArrayList<>(new LinkedHashSet<>(supportCites))));

        // risks are downside facts, each once: a gain that argues against a sell call is not a risk
        ArrayNode risks = answer.putArray("risks");
        Set<String> riskClaims = new HashSet<>();
        for (JsonNode position : positions) {
            for (JsonNode argument : position.path("arguments")) {
                int side = directionSign(argument.path("direction").asText());
                if (side < 0 && !argument.hasNonNull("respondsTo") && risks.size() < 3
                        && riskClaims.add(argument.path("claim").asText().toLowerCase(Locale.ROOT))) {
                    ObjectNode risk = risks.addObject();
                    risk.put("text", capitalise(argument.path("claim").asText()));
                    risk.set("evidence", argument.path("evidence").deepCopy());
                    risk.put("raisedBy", position.path("participant").asText());
                    break;
                }
            }
        }
        ArrayNode changes = answer.putArray("whatWouldChange");
        for (JsonNode dissent : consensus.path("dissent")) {
            JsonNode reason = firstOwnArgument(dissent.path("reasons"),
                    Integer.signum(stanceValue(dissent.path("stance").asText()) - value));
            reason = reason == null ? dissent.path("reasons").path(0) : reason;
            ObjectNode change = changes.addObject();
            change.put("text", "If " + dissent.path("name").asText(dissent.path("participant").asText()) + "'s case for "
                    + dissent.path("stance").asText().replace('_', ' ') + " gains support"
                    + (reason.isMissingNode() ? "" : " (" + reason.path("claim").asText() + ")")
                    + ", the rating would move toward it.");
            change.set("evidence", reason.path("evidence").isMissingNode() ? Json.mapper().createArrayNode()
                    : reason.path("evidence").deepCopy());
        }
        if (changes.isEmpty() && risks.size() > 0) {
            ObjectNode change = changes.addObject();
            change.put("text", "A worsening of the main risk would move the rating down: " + risks.get(0).path("text").asText());
            change.set("evidence", risks.get(0).path("evidence").deepCopy());
        }

        ArrayNode actions = answer.putArray("portfolioActions");
        for (String symbol : symbols) {
            double[] holding = holdings.get(symbol);
            if (holding == null || Double.isNaN(holding[0])) {
                continue;
            }
            double weight = holding[0];
            boolean concentrated = weight >= 0.20;
            String action = switch (value) {
                case 2, 1 -> concentrated ? "hold; do not add, the position is already concentrated" : "add gradually";
                case 0 -> concentrated ? "trim to reduce concentration" : "hold";
                case -1 -> "reduce";
                default -> "exit or hedge";
            };
            ObjectNode act = actions.addObject();
            act.put("symbol", symbol);
            act.put("action", action);
            act.put("reason", symbol + " is " + pct(weight) + " of the portfolio"
                    + (Double.isNaN(holding[1]) ? "" : " with an unrealised P&L of " + pct(holding[1]))
                    + "; the debate's view is " + rating.replace('_', ' ') + ".");
            act.set("evidence", Json.tree(List.of(AgentProtocol.PORTFOLIO_PREFIX + symbol)));
        }
        return answer;
    }

    /** The first own (not rebutting) argument pointing {@code side} (any side for 0), else the first own one. */
    private static JsonNode firstOwnArgument(JsonNode positionOrArguments, int side) {
        JsonNode arguments = positionOrArguments.isArray() ? positionOrArguments : positionOrArguments.path("arguments");
        JsonNode fallback = null;
        for (JsonNode argument : arguments) {
            if (!argument.hasNonNull("respondsTo")) {
                if (side == 0 || directionSign(argument.path("direction").asText()) == side) {
                    return argument;
                }
                fallback = fallback == null ? argument : fallback;
            }
        }
        return fallback;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
