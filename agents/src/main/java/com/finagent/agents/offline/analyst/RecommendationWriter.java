package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.model.CanonicalJson;
import com.finagent.agents.model.JsonFields;
import com.finagent.agents.model.ModelSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

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

    private static final JsonProvider JSON = CanonicalJson.provider();

    private final JsonObject context;
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
    JsonObject recommendation() {
        JsonObject consensus = JsonFields.object(context, "consensus");
        String rating = JsonFields.text(consensus, "rating", "HOLD");
        int value = stanceValue(rating);
        List<JsonValue> positions = new ArrayList<>(JsonFields.array(context, "positions"));
        positions.sort(Comparator.comparingDouble((JsonValue p) -> -JsonFields.number(p, "confidence", 0))
                .thenComparing(p -> JsonFields.text(p, "participant", "")));
        long agreeing = positions.stream().filter(p -> JsonFields.text(p, "stance", "").equals(rating)).count();

        StringBuilder rationale = new StringBuilder("Confidence-weighted consensus of the participants is ")
                .append(rating.replace('_', ' ')).append('.');
        List<String> supportCites = new ArrayList<>();
        for (JsonValue position : positions) {
            int stance = stanceValue(JsonFields.text(position, "stance", ""));
            if (Integer.signum(stance) == Integer.signum(value)) {
                JsonValue top = firstOwnArgument(JsonFields.array(position, "arguments"), Integer.signum(value));
                if (top != null) {
                    rationale.append(' ').append(JsonFields.text(position, "name",
                                    JsonFields.text(position, "participant", "")))
                            .append(": ").append(JsonFields.text(top, "claim", "")).append('.');
                    JsonFields.array(top, "evidence").forEach(e -> supportCites.add(JsonFields.text(e)));
                }
            }
        }
        JsonArray agreement = JsonFields.array(consensus, "agreement");
        if (!agreement.isEmpty()) {
            rationale.append(" Common ground: ").append(JsonFields.text(agreement.get(0), "point", "")).append('.');
        }

        // risks are downside facts, each once: a gain that argues against a sell call is not a risk
        List<JsonObject> risks = new ArrayList<>();
        Set<String> riskClaims = new HashSet<>();
        for (JsonValue position : positions) {
            for (JsonValue argument : JsonFields.array(position, "arguments")) {
                int side = directionSign(JsonFields.text(argument, "direction", ""));
                if (side < 0 && !JsonFields.hasNonNull(argument, "respondsTo") && risks.size() < 3
                        && riskClaims.add(JsonFields.text(argument, "claim", "").toLowerCase(Locale.ROOT))) {
                    risks.add(JSON.createObjectBuilder()
                            .add("text", capitalise(JsonFields.text(argument, "claim", "")))
                            .add("evidence", JsonFields.array(argument, "evidence"))
                            .add("raisedBy", JsonFields.text(position, "participant", ""))
                            .build());
                    break;
                }
            }
        }
        List<JsonObject> changes = new ArrayList<>();
        for (JsonValue dissent : JsonFields.array(consensus, "dissent")) {
            JsonArray reasons = JsonFields.array(dissent, "reasons");
            JsonValue reason = firstOwnArgument(reasons,
                    Integer.signum(stanceValue(JsonFields.text(dissent, "stance", "")) - value));
            reason = reason == null && !reasons.isEmpty() ? reasons.get(0) : reason;
            JsonValue evidence = JsonFields.member(reason, "evidence");
            changes.add(JSON.createObjectBuilder()
                    .add("text", "If " + JsonFields.text(dissent, "name", JsonFields.text(dissent, "participant", ""))
                            + "'s case for " + JsonFields.text(dissent, "stance", "").replace('_', ' ')
                            + " gains support"
                            + (reason == null ? "" : " (" + JsonFields.text(reason, "claim", "") + ")")
                            + ", the rating would move toward it.")
                    .add("evidence", evidence == null ? JsonValue.EMPTY_JSON_ARRAY : evidence)
                    .build());
        }
        if (changes.isEmpty() && !risks.isEmpty()) {
            changes.add(JSON.createObjectBuilder()
                    .add("text", "A worsening of the main risk would move the rating down: "
                            + risks.get(0).getString("text"))
                    .add("evidence", risks.get(0).get("evidence"))
                    .build());
        }

        List<JsonObject> actions = new ArrayList<>();
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
            actions.add(JSON.createObjectBuilder()
                    .add("symbol", symbol)
                    .add("action", action)
                    .add("reason", symbol + " is " + pct(weight) + " of the portfolio"
                            + (Double.isNaN(holding[1]) ? "" : " with an unrealised P&L of " + pct(holding[1]))
                            + "; the debate's view is " + rating.replace('_', ' ') + ".")
                    .add("evidence", JSON.createArrayBuilder(List.of(AgentProtocol.PORTFOLIO_PREFIX + symbol)))
                    .build());
        }
        return JSON.createObjectBuilder()
                .add("model", ModelSpec.OFFLINE_MODEL_ID)
                .add("rating", rating)
                .add("headline", rating.replace('_', ' ') + " on " + String.join(", ", symbols) + ": " + agreeing
                        + " of " + positions.size() + " participants at the consensus view")
                .add("rationale", rationale.toString())
                .add("evidence", JSON.createArrayBuilder(new ArrayList<>(new LinkedHashSet<>(supportCites))))
                .add("risks", JSON.createArrayBuilder(risks))
                .add("whatWouldChange", JSON.createArrayBuilder(changes))
                .add("portfolioActions", JSON.createArrayBuilder(actions))
                .build();
    }

    /** The first own (not rebutting) argument pointing {@code side} (any side for 0), else the first own one. */
    private static JsonValue firstOwnArgument(JsonArray arguments, int side) {
        JsonValue fallback = null;
        for (JsonValue argument : arguments) {
            if (!JsonFields.hasNonNull(argument, "respondsTo")) {
                if (side == 0 || directionSign(JsonFields.text(argument, "direction", "")) == side) {
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
