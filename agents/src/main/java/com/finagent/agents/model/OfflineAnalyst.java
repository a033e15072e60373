package com.finagent.agents.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reasoning of {@link OfflineChatModel}: scores the evidence of a context by the participant's mandate,
 * writes arguments that quote only figures found in the evidence and cite them, answers debate rounds and writes
 * the final recommendation. Everything iterates in a fixed order, so equal input gives equal output.
 */
final class OfflineAnalyst {

    static final String TREND = "trend";
    static final String REVERSION = "reversion";
    static final String VALUATION = "valuation";
    static final String GROWTH = "growth";
    static final String INCOME = "income";
    static final String SENTIMENT = "sentiment";
    static final String RISK = "risk";
    static final String MACRO = "macro";
    static final String RATES = "rates";
    static final String SECTOR = "sector";

    private static final String[] STANCES = {"STRONG_SELL", "SELL", "HOLD", "BUY", "STRONG_BUY"};

    /** What each mandate weighs: signal group and its weight. Unknown mandates weigh everything evenly. */
    private static final Map<String, Map<String, Double>> MANDATES = new LinkedHashMap<>();
    /** Advocates: bull discounts bearish points, bear discounts bullish ones. */
    private static final Map<String, Integer> BIAS = Map.of("bull", 1, "bear", -1);
    private static final double ADVOCACY_DISCOUNT = 0.4;
    /** Tools each signal group wants; within an inner list the first one offered is used. */
    private static final Map<String, List<List<String>>> TOOLS = new LinkedHashMap<>();

    static {
        MANDATES.put("fundamental", weights(VALUATION, 0.6, GROWTH, 0.4));
        MANDATES.put("technical", weights(TREND, 1.0));
        MANDATES.put("momentum", weights(TREND, 0.8, SENTIMENT, 0.2));
        MANDATES.put("meanReversion", weights(REVERSION, 1.0));
        MANDATES.put("sentiment", weights(SENTIMENT, 1.0));
        MANDATES.put("risk", weights(RISK, 1.0));
        MANDATES.put("hedging", weights(RISK, 0.7, TREND, 0.3));
        MANDATES.put("macro", weights(MACRO, 1.0));
        MANDATES.put("rates", weights(RATES, 1.0));
        MANDATES.put("sector", weights(SECTOR, 0.7, TREND, 0.3));
        MANDATES.put("growth", weights(GROWTH, 0.7, TREND, 0.3));
        MANDATES.put("incomeValue", weights(INCOME, 0.5, VALUATION, 0.3, RISK, 0.2));
        MANDATES.put("bull", weights(TREND, 0.3, GROWTH, 0.25, SENTIMENT, 0.2, VALUATION, 0.15, SECTOR, 0.1));
        MANDATES.put("bear", weights(RISK, 0.3, VALUATION, 0.25, SENTIMENT, 0.2, TREND, 0.15, MACRO, 0.1));
        MANDATES.put("neutralRisk", weights(RISK, 0.5, TREND, 0.25, SENTIMENT, 0.25));

        List<String> technical = List.of("technicalIndicators", "chartAnalysis", "technicalAnalysis");
        List<String> market = List.of("marketData", "quantAnalysis");
        TOOLS.put(TREND, List.of(technical, market));
        TOOLS.put(REVERSION, List.of(technical, market));
        TOOLS.put(VALUATION, List.of(market));
        TOOLS.put(GROWTH, List.of(market));
        TOOLS.put(INCOME, List.of(market));
        TOOLS.put(SENTIMENT, List.of(List.of("search")));
        TOOLS.put(RISK, List.of(List.of("riskAssessment", "riskManagement", "riskAnalysis", "hedging", "quantAnalysis"),
                List.of("portfolio", "portfolioAnalysis", "correlationAnalysis", "monteCarlo")));
        TOOLS.put(MACRO, List.of(List.of("economicData"), List.of("search")));
        TOOLS.put(RATES, List.of(List.of("economicData")));
        TOOLS.put(SECTOR, List.of(List.of("sectorAnalysis")));
    }

    private record Fact(double value, String cite) {
    }

    private record Item(String id, String title, String source, String symbol, String category, Double sentiment) {
    }

    /** One scored observation: score in [-1, 1], its weight within its group, and the claim that states it. */
    private record Contribution(String group, String symbol, double score, double weight, String claim,
                                List<String> cites) {
    }

    /** A mandate's verdict: overall score, confidence, and the observations sorted by how much they count. */
    private record Assessment(double score, double confidence, List<Contribution> ranked,
                              Map<String, Double> symbolScores, Map<String, Double> effectiveWeights) {

        double strength(Contribution c) {
            return Math.abs(c.score()) * effectiveWeights.getOrDefault(c.group(), 0.0) * c.weight();
        }
    }

    private record Opinion(String participant, String name, int stance, double confidence,
                           List<JsonNode> arguments, int citations) {
    }

    private final JsonNode context;
    private final String participantId;
    private final String participantName;
    private final String mandate;
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Map<String, Fact>> facts = new TreeMap<>();
    private final List<Item> items = new ArrayList<>();
    private final Map<String, double[]> holdings = new TreeMap<>();
    private final List<Integer> ownStances = new ArrayList<>();

    OfflineAnalyst(JsonNode context, List<JsonNode> toolResults, List<String> ownStances) {
        ownStances.forEach(stance -> this.ownStances.add(stanceValue(stance)));
        this.context = context == null ? Json.mapper().createObjectNode() : context;
        JsonNode participant = this.context.path("participant");
        this.participantId = participant.path("id").asText("participant");
        this.participantName = participant.path("name").asText(participantId);
        this.mandate = participant.path("mandate").asText(participantId);
        for (JsonNode symbol : this.context.path("symbols")) {
            symbols.add(symbol.asText().toUpperCase(Locale.ROOT));
        }
        JsonNode evidence = this.context.path("evidence");
        for (JsonNode block : evidence.path("facts")) {
            addFacts(block.path("id").asText(), block.path("symbol").asText(null), block.path("metrics"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : evidence.path("items")) {
            addItem(item, seen);
        }
        for (JsonNode result : toolResults) {
            if (result.hasNonNull("id")) {
                addFacts(result.path("id").asText(), result.path("symbol").asText(null), result.path("metrics"));
                for (JsonNode item : result.path("items")) {
                    addItem(item, seen);
                }
            }
        }
        for (JsonNode position : this.context.path("portfolio").path("positions")) {
            String symbol = position.path("symbol").asText().toUpperCase(Locale.ROOT);
            holdings.put(symbol, new double[]{position.path("weight").asDouble(Double.NaN),
                    position.path("unrealizedPnlPct").asDouble(Double.NaN)});
        }
    }

    private void addFacts(String id, String symbol, JsonNode metrics) {
        String key = symbol == null || symbol.isBlank() ? AgentProtocol.MACRO : symbol.toUpperCase(Locale.ROOT);
        Map<String, Fact> bySymbol = facts.computeIfAbsent(key, k -> new TreeMap<>());
        metrics.fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) {
                // later sources (tool results, fetched for this analysis) replace the request's figures
                bySymbol.put(field.getKey(), new Fact(field.getValue().asDouble(), id + "#" + field.getKey()));
            }
        });
    }

    private void addItem(JsonNode item, Set<String> seen) {
        String id = item.path("id").asText(null);
        if (id == null || !seen.add(id)) {
            return;
        }
        JsonNode sentiment = item.get("sentiment");
        items.add(new Item(id, item.path("title").asText(""), item.path("source").asText(""),
                item.hasNonNull("symbol") ? item.path("symbol").asText().toUpperCase(Locale.ROOT) : null,
                item.path("category").asText("news"),
                sentiment != null && sentiment.isNumber() ? sentiment.asDouble() : null));
    }

    // ---------------------------------------------------------------- tools

    List<ToolExecutionRequest> planToolCalls(List<ToolSpecification> offered) {
        Map<String, ToolSpecification> byName = new LinkedHashMap<>();
        for (ToolSpecification spec : offered) {
            byName.put(spec.name(), spec);
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (mandate.equals("hedging") && byName.containsKey("hedging")) {
            chosen.add("hedging");
        }
        for (String group : mandateWeights().keySet()) {
            for (List<String> alternatives : TOOLS.getOrDefault(group, List.of())) {
                alternatives.stream().filter(byName::containsKey).findFirst().ifPresent(chosen::add);
            }
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (String tool : chosen) {
            ToolSpecification spec = byName.get(tool);
            Set<String> parameters = spec.parameters() == null ? Set.of() : spec.parameters().properties().keySet();
            boolean perSymbol = parameters.contains("symbol");
            boolean query = parameters.contains("query");
            if (query) {
                boolean macroSearch = !mandateWeights().containsKey(SENTIMENT) && !mandateWeights().containsKey(VALUATION);
                if (macroSearch) {
                    calls.add(call(calls.size(), tool, Map.of("query", "interest rates inflation economy outlook")));
                } else {
                    for (String symbol : symbols) {
                        calls.add(call(calls.size(), tool, Map.of("query", symbol + " news", "symbol", symbol)));
                    }
                }
            } else if (perSymbol) {
                for (String symbol : symbols) {
                    calls.add(call(calls.size(), tool, Map.of("symbol", symbol)));
                }
            } else {
                calls.add(call(calls.size(), tool, Map.of()));
            }
        }
        return calls;
    }

    private ToolExecutionRequest call(int index, String tool, Map<String, String> arguments) {
        return ToolExecutionRequest.builder()
                .id("call-" + participantId + "-" + (index + 1))
                .name(tool)
                .arguments(Json.write(new TreeMap<>(arguments)))
                .build();
    }

    // ---------------------------------------------------------------- positions

    ObjectNode initialPosition() {
        Assessment assessment = assess();
        int stance = stanceOf(assessment.score());
        ObjectNode position = positionNode(stance, assessment.confidence(), assessment);
        ArrayNode arguments = position.putArray("arguments");
        for (Contribution contribution : topArguments(assessment, 4)) {
            arguments.add(argument(contribution));
        }
        addNoEvidenceArgument(arguments);
        position.put("summary", summary(stance, assessment));
        return position;
    }

    ObjectNode roundPosition(JsonNode round) {
        Assessment assessment = assess();
        JsonNode you = round.path("you");
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
        boolean revise = pull != 0 && withinMandate && consistent && opposingWeight > ownWeight + 0.02;
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
                claim = strongest.name() + "'s case (" + their + ") outweighs mine, so I move from "
                        + STANCES[own + 2] + " to " + STANCES[stance + 2]
                        + (counter == null ? "." : "; what still holds me back: " + counter.claim());
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
        addNoEvidenceArgument(arguments);
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
        position.put("model", OfflineChatModel.MODEL_ID);
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

    /** Says so when the mandate found nothing to weigh, rather than arguing without evidence. */
    private void addNoEvidenceArgument(ArrayNode arguments) {
        if (arguments.isEmpty()) {
            ObjectNode argument = arguments.addObject();
            argument.put("claim", "the evidence holds nothing my " + mandate + " mandate weighs for "
                    + String.join(", ", symbols) + ", so I take no view");
            argument.putArray("evidence");
            argument.put("direction", "neutral");
        }
    }

    private String summary(int stance, Assessment assessment) {
        String lead = participantName + " (" + mandate + " mandate): " + STANCES[stance + 2].replace('_', ' ') + " on "
                + String.join(", ", symbols) + ".";
        List<Contribution> top = topArguments(assessment, 1);
        return top.isEmpty() ? lead + " My mandate finds no evidence to weigh." : lead + " Strongest point: " + top.get(0).claim();
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

    // ---------------------------------------------------------------- assessment

    private Map<String, Double> mandateWeights() {
        Map<String, Double> weights = MANDATES.get(mandate);
        if (weights != null) {
            return weights;
        }
        return weights(TREND, 1.0, VALUATION, 1.0, SENTIMENT, 1.0, RISK, 1.0);
    }

    private Assessment assess() {
        Map<String, Double> groups = mandateWeights();
        int bias = BIAS.getOrDefault(mandate, 0);
        List<Contribution> all = new ArrayList<>();
        Map<String, Double> symbolScores = new LinkedHashMap<>();
        double coverageSum = 0;
        int covered = 0;
        for (String symbol : symbols) {
            List<Contribution> contributions = new ArrayList<>();
            for (String group : groups.keySet()) {
                contributions.addAll(signals(group, symbol));
            }
            double total = 0;
            double totalWeight = 0;
            double coveredWeight = 0;
            for (Map.Entry<String, Double> group : groups.entrySet()) {
                double sum = 0;
                double weight = 0;
                for (Contribution c : contributions) {
                    if (c.group().equals(group.getKey())) {
                        double w = c.weight() * advocacy(bias, c.score());
                        sum += w * c.score();
                        weight += w;
                    }
                }
                if (weight > 0) {
                    total += group.getValue() * sum / weight;
                    totalWeight += group.getValue();
                }
                coveredWeight += weight > 0 ? group.getValue() : 0;
            }
            double groupTotal = groups.values().stream().mapToDouble(Double::doubleValue).sum();
            if (totalWeight > 0) {
                symbolScores.put(symbol, total / totalWeight);
                coverageSum += coveredWeight / groupTotal;
                covered++;
            }
            all.addAll(contributions);
        }
        double score = symbolScores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double coverage = covered == 0 ? 0 : coverageSum / covered;
        double agreeing = 0;
        double absolute = 0;
        for (Contribution c : all) {
            double w = groups.get(c.group()) * c.weight() * advocacy(bias, c.score());
            agreeing += w * c.score();
            absolute += w * Math.abs(c.score());
        }
        double consistency = absolute == 0 ? 0 : Math.abs(agreeing) / absolute;
        double confidence = covered == 0 ? 0.2
                : clamp(0.25 + 0.3 * coverage + 0.3 * consistency + 0.1 * Math.min(1, Math.abs(score) * 2), 0.2, 0.95);
        Assessment unsorted = new Assessment(score, round2(confidence), List.of(), symbolScores, groups);
        List<Contribution> ranked = new ArrayList<>(all);
        ranked.sort(Comparator.comparingDouble((Contribution c) -> -unsorted.strength(c)
                        * advocacy(bias, c.score()))
                .thenComparing(Contribution::claim));
        return new Assessment(score, round2(confidence), ranked, symbolScores, groups);
    }

    private static double advocacy(int bias, double score) {
        return bias != 0 && Math.signum(score) == -bias ? ADVOCACY_DISCOUNT : 1.0;
    }

    private List<Contribution> signals(String group, String symbol) {
        Map<String, Fact> f = facts.getOrDefault(symbol, Map.of());
        Map<String, Fact> m = facts.getOrDefault(AgentProtocol.MACRO, Map.of());
        List<Contribution> out = new ArrayList<>();
        switch (group) {
            case TREND -> trend(symbol, f, out);
            case REVERSION -> reversion(symbol, f, out);
            case VALUATION -> valuation(symbol, f, out);
            case GROWTH -> growth(symbol, f, out);
            case INCOME -> income(symbol, f, out);
            case SENTIMENT -> sentiment(SENTIMENT, symbol, Set.of("news", "social", "analyst", "filing"), out);
            case RISK -> risk(symbol, f, out);
            case MACRO -> macro(symbol, m, out);
            case RATES -> rates(symbol, f, m, out);
            case SECTOR -> sector(symbol, f, out);
            default -> {
            }
        }
        return out;
    }

    private void trend(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact r1y = f.get("return1y");
        if (r1y != null) {
            double r = r1y.value();
            add(out, TREND, s, r > 0.30 ? 1 : r > 0.10 ? 0.6 : r > 0 ? 0.2 : r > -0.10 ? -0.3 : -0.8, 1.0,
                    s + " returned " + pct(r) + " over one year", r1y);
        }
        Fact r3m = f.get("return3m");
        if (r3m != null) {
            double r = r3m.value();
            add(out, TREND, s, r > 0.10 ? 0.8 : r > 0.03 ? 0.4 : r > 0 ? 0.1 : r > -0.05 ? -0.3 : -0.7, 0.6,
                    s + " returned " + pct(r) + " over three months", r3m);
        }
        Fact price = f.get("price");
        Fact sma200 = f.get("sma200");
        Fact sma50 = f.get("sma50");
        if (price != null && sma200 != null) {
            boolean above = price.value() > sma200.value();
            add(out, TREND, s, above ? 0.6 : -0.6, 0.8, s + " at " + num(price.value()) + " trades "
                    + (above ? "above" : "below") + " its 200-day average of " + num(sma200.value()), price, sma200);
        }
        if (sma50 != null && sma200 != null) {
            boolean golden = sma50.value() > sma200.value();
            add(out, TREND, s, golden ? 0.4 : -0.4, 0.5, "the 50-day average (" + num(sma50.value()) + ") is "
                    + (golden ? "above" : "below") + " the 200-day (" + num(sma200.value()) + "): "
                    + (golden ? "an uptrend" : "a downtrend"), sma50, sma200);
        }
        Fact rsi = f.get("rsi14");
        if (rsi != null) {
            double v = rsi.value();
            double score = v > 70 ? 0.2 : v >= 55 ? 0.5 : v >= 45 ? 0 : v >= 30 ? -0.3 : -0.6;
            add(out, TREND, s, score, 0.6, "RSI(14) of " + num(v) + (v > 70 ? " shows strong but overbought momentum"
                    : v >= 55 ? " confirms positive momentum" : v >= 45 ? " is neutral" : " shows weak momentum"), rsi);
        }
        Fact macd = f.get("macdHistogram");
        if (macd != null) {
            add(out, TREND, s, macd.value() > 0 ? 0.4 : -0.4, 0.4, "the MACD histogram (" + num(macd.value()) + ") is "
                    + (macd.value() > 0 ? "positive" : "negative"), macd);
        }
    }

    private void reversion(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact rsi = f.get("rsi14");
        if (rsi != null) {
            double v = rsi.value();
            double score = v > 75 ? -1 : v > 70 ? -0.7 : v > 60 ? -0.2 : v >= 40 ? 0 : v >= 30 ? 0.3 : v >= 25 ? 0.8 : 1;
            add(out, REVERSION, s, score, 1.0, "RSI(14) of " + num(v) + (v > 70 ? " is overbought: a pullback is due"
                    : v < 30 ? " is oversold: a rebound is likely" : " is not stretched"), rsi);
        }
        Fact price = f.get("price");
        Fact sma50 = f.get("sma50");
        if (price != null && sma50 != null && sma50.value() > 0) {
            double d = price.value() / sma50.value() - 1;
            double score = d > 0.10 ? -0.8 : d > 0.05 ? -0.4 : d < -0.10 ? 0.8 : d < -0.05 ? 0.4 : 0;
            add(out, REVERSION, s, score, 0.8, s + " at " + num(price.value()) + (d > 0.05 ? " is stretched above"
                    : d < -0.05 ? " is stretched below" : " is close to") + " its 50-day average of "
                    + num(sma50.value()), price, sma50);
        }
        Fact pctB = f.get("bollingerPctB");
        if (pctB != null) {
            double v = pctB.value();
            double score = v > 1 ? -0.7 : v > 0.8 ? -0.3 : v < 0 ? 0.7 : v < 0.2 ? 0.3 : 0;
            add(out, REVERSION, s, score, 0.6, "Bollinger %B of " + num(v) + (v > 0.8 ? " sits at the upper band"
                    : v < 0.2 ? " sits at the lower band" : " is mid-band"), pctB);
        }
    }

    private void valuation(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact pe = f.get("pe");
        Fact sectorPe = f.get("sectorPe");
        if (pe != null && sectorPe != null && sectorPe.value() > 0) {
            double rel = pe.value() / sectorPe.value();
            add(out, VALUATION, s, rel > 1.5 ? -0.8 : rel > 1.2 ? -0.4 : rel < 0.8 ? 0.6 : 0, 1.0,
                    s + "'s P/E of " + num(pe.value()) + " against a sector P/E of " + num(sectorPe.value())
                            + (rel > 1.2 ? " is a rich premium" : rel < 0.8 ? " is a discount" : " is in line"), pe, sectorPe);
        } else if (pe != null) {
            double v = pe.value();
            add(out, VALUATION, s, v > 40 ? -0.7 : v > 25 ? -0.3 : v < 15 ? 0.5 : 0.1, 1.0,
                    s + "'s P/E of " + num(v) + (v > 25 ? " is expensive" : v < 15 ? " is cheap" : " is moderate"), pe);
        }
        Fact forward = f.get("forwardPe");
        if (pe != null && forward != null) {
            boolean growing = forward.value() < pe.value();
            add(out, VALUATION, s, growing ? 0.3 : -0.3, 0.4, "forward P/E of " + num(forward.value())
                    + (growing ? " below" : " above") + " the trailing " + num(pe.value()) + ": earnings are expected to "
                    + (growing ? "grow" : "shrink"), forward, pe);
        }
        Fact peg = f.get("pegRatio");
        if (peg != null) {
            double v = peg.value();
            add(out, VALUATION, s, v < 1 ? 0.7 : v < 1.5 ? 0.2 : v > 2.5 ? -0.6 : -0.2, 0.8, "PEG ratio of " + num(v)
                    + (v < 1.5 ? ": growth justifies the multiple" : ": the multiple runs ahead of growth"), peg);
        }
        Fact fcf = f.get("fcfYield");
        if (fcf != null) {
            double v = fcf.value();
            add(out, VALUATION, s, v > 0.05 ? 0.6 : v > 0.03 ? 0.2 : v < 0.015 ? -0.4 : 0, 0.6,
                    "free-cash-flow yield of " + pct(v), fcf);
        }
        Fact pb = f.get("pb");
        if (pb != null) {
            double v = pb.value();
            add(out, VALUATION, s, v > 10 ? -0.4 : v < 1.5 ? 0.4 : 0, 0.3, "price-to-book of " + num(v), pb);
        }
        Fact debt = f.get("debtToEquity");
        if (debt != null) {
            double v = debt.value();
            add(out, VALUATION, s, v > 2 ? -0.6 : v < 0.5 ? 0.3 : 0, 0.5, "debt-to-equity of " + num(v)
                    + (v < 0.5 ? ": a strong balance sheet" : v > 2 ? ": heavy leverage" : ""), debt);
        }
        Fact margin = f.get("operatingMargin");
        if (margin != null) {
            double v = margin.value();
            add(out, VALUATION, s, v > 0.30 ? 0.4 : v < 0.05 ? -0.4 : 0, 0.4, "operating margin of " + pct(v), margin);
        }
    }

    private void growth(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact revenue = f.get("revenueGrowth");
        if (revenue != null) {
            double v = revenue.value();
            add(out, GROWTH, s, v > 0.25 ? 0.9 : v > 0.10 ? 0.5 : v > 0 ? 0.1 : -0.6, 1.0,
                    s + "'s revenue grew " + pct(v) + " year over year", revenue);
        }
        Fact eps = f.get("epsGrowth");
        if (eps != null) {
            double v = eps.value();
            add(out, GROWTH, s, v > 0.25 ? 0.8 : v > 0.10 ? 0.4 : v > 0 ? 0.1 : -0.6, 0.8,
                    "earnings per share grew " + pct(v), eps);
        }
        Fact peg = f.get("pegRatio");
        if (peg != null) {
            double v = peg.value();
            add(out, GROWTH, s, v < 1 ? 0.5 : v < 2 ? 0.2 : v > 3 ? -0.4 : 0, 0.4, "PEG ratio of " + num(v), peg);
        }
        Fact r1y = f.get("return1y");
        if (r1y != null) {
            double r = r1y.value();
            add(out, GROWTH, s, r > 0.20 ? 0.5 : r > 0 ? 0.2 : -0.4, 0.3, s + " returned " + pct(r) + " over one year", r1y);
        }
    }

    private void income(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact yield = f.get("dividendYield");
        if (yield != null) {
            double v = yield.value();
            add(out, INCOME, s, v > 0.04 ? 0.8 : v > 0.025 ? 0.5 : v > 0.01 ? 0.1 : -0.5, 1.0,
                    "dividend yield of " + pct(v) + (v <= 0.01 ? ": little income" : ""), yield);
        }
        Fact fcf = f.get("fcfYield");
        if (fcf != null) {
            double v = fcf.value();
            add(out, INCOME, s, v > 0.05 ? 0.6 : v > 0.03 ? 0.2 : v < 0.015 ? -0.4 : 0, 0.6,
                    "free-cash-flow yield of " + pct(v) + " to fund payouts", fcf);
        }
        Fact pe = f.get("pe");
        if (pe != null) {
            double v = pe.value();
            add(out, INCOME, s, v < 15 ? 0.5 : v > 30 ? -0.6 : 0, 0.6, "P/E of " + num(v)
                    + (v > 30 ? " leaves no value cushion" : v < 15 ? " offers a value cushion" : ""), pe);
        }
        Fact volatility = f.get("volatility");
        if (volatility != null) {
            double v = volatility.value();
            add(out, INCOME, s, v > 0.40 ? -0.5 : v < 0.20 ? 0.3 : 0, 0.4, "annualised volatility of " + pct(v)
                    + (v > 0.40 ? " is high for an income holding" : ""), volatility);
        }
    }

    private void sentiment(String group, String s, Set<String> categories, List<Contribution> out) {
        List<Item> scored = items.stream()
                .filter(i -> i.sentiment() != null && categories.contains(i.category())
                        && (s.equals(i.symbol()) || (i.symbol() == null && !group.equals(SENTIMENT))))
                .toList();
        if (scored.isEmpty()) {
            return;
        }
        double mean = scored.stream().mapToDouble(Item::sentiment).average().orElse(0);
        long positive = scored.stream().filter(i -> i.sentiment() >= 0.15).count();
        long negative = scored.stream().filter(i -> i.sentiment() <= -0.15).count();
        String label = mean > 0.35 ? "clearly positive" : mean > 0.1 ? "leaning positive"
                : mean < -0.35 ? "clearly negative" : mean < -0.1 ? "leaning negative" : "mixed";
        double score = mean > 0.35 ? 0.8 : mean > 0.1 ? 0.4 : mean < -0.35 ? -0.8 : mean < -0.1 ? -0.4 : 0;
        List<String> cites = scored.stream().map(Item::id).toList();
        out.add(new Contribution(group, s, score, 1.0, (group.equals(SENTIMENT) ? "sentiment on " + s : group
                + " news flow") + " is " + label + ": " + positive + " of " + scored.size() + " scored items positive, "
                + negative + " negative", cites));
        Item best = scored.stream().max(Comparator.comparingDouble(Item::sentiment).thenComparing(Item::id)).orElseThrow();
        Item worst = scored.stream().min(Comparator.comparingDouble(Item::sentiment).thenComparing(Item::id)).orElseThrow();
        if (best.sentiment() >= 0.3) {
            out.add(new Contribution(group, s, best.sentiment(), 0.5, "'" + best.title() + "' (" + best.source()
                    + ") reads positive (" + num(best.sentiment()) + ")", List.of(best.id())));
        }
        if (worst.sentiment() <= -0.3) {
            out.add(new Contribution(group, s, worst.sentiment(), 0.5, "'" + worst.title() + "' (" + worst.source()
                    + ") reads negative (" + num(worst.sentiment()) + ")", List.of(worst.id())));
        }
    }

    private void risk(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact volatility = f.get("volatility");
        if (volatility != null) {
            double v = volatility.value();
            add(out, RISK, s, v > 0.50 ? -1 : v > 0.35 ? -0.6 : v > 0.25 ? -0.2 : v < 0.18 ? 0.4 : 0, 1.0,
                    s + "'s annualised volatility of " + pct(v) + (v > 0.35 ? " is high" : v < 0.18 ? " is low" : ""),
                    volatility);
        }
        Fact var = f.get("var95");
        if (var != null) {
            double v = Math.abs(var.value());
            add(out, RISK, s, v > 0.05 ? -1 : v > 0.03 ? -0.6 : v > 0.02 ? -0.2 : v < 0.015 ? 0.3 : 0, 0.9,
                    "1-day 95% VaR of " + pct(var.value()) + " of the position's value", var);
        }
        Fact es = f.get("expectedShortfall95");
        if (es != null) {
            double v = Math.abs(es.value());
            add(out, RISK, s, v > 0.06 ? -0.6 : v > 0.04 ? -0.3 : 0, 0.3, "expected shortfall (95%) of "
                    + pct(es.value()), es);
        }
        Fact drawdown = f.get("maxDrawdown");
        if (drawdown != null) {
            double v = Math.abs(drawdown.value());
            add(out, RISK, s, v > 0.40 ? -0.8 : v > 0.25 ? -0.4 : v < 0.15 ? 0.3 : 0, 0.7,
                    "maximum drawdown of " + pct(drawdown.value()), drawdown);
        }
        Fact beta = f.get("beta");
        if (beta != null) {
            double v = beta.value();
            add(out, RISK, s, v > 1.5 ? -0.5 : v > 1.2 ? -0.2 : v < 0.8 ? 0.3 : 0, 0.4, "beta of " + num(v)
                    + (v > 1.2 ? " amplifies market moves" : ""), beta);
        }
        Fact sharpe = f.get("sharpe");
        if (sharpe != null) {
            double v = sharpe.value();
            add(out, RISK, s, v > 1.5 ? 0.5 : v > 1 ? 0.3 : v < 0.3 ? -0.4 : 0, 0.5, "Sharpe ratio of " + num(v)
                    + (v > 1 ? ": the risk has been paid for" : ""), sharpe);
        }
        double[] holding = holdings.get(s);
        if (holding != null && !Double.isNaN(holding[0])) {
            double w = holding[0];
            if (w > 0.10) {
                out.add(new Contribution(RISK, s, w > 0.25 ? -1 : w > 0.15 ? -0.6 : -0.2, 1.0,
                        s + " is already " + pct(w) + " of the portfolio" + (w > 0.15 ? ": a concentration risk" : ""),
                        List.of(AgentProtocol.PORTFOLIO_PREFIX + s)));
            }
        }
    }

    private void macro(String s, Map<String, Fact> m, List<Contribution> out) {
        policy(s, m, MACRO, 1.0, out);
        Fact inflation = m.get("inflationYoY");
        if (inflation != null) {
            double v = inflation.value();
            add(out, MACRO, s, v > 4 ? -0.5 : v < 2.5 ? 0.3 : -0.1, 0.6, "inflation of " + num(v) + "% year over year"
                    + (v > 4 ? " keeps pressure on policy" : v < 2.5 ? " is near target" : " is above target"), inflation);
        }
        Fact core = m.get("coreInflationYoY");
        if (core != null) {
            double v = core.value();
            add(out, MACRO, s, v > 3.5 ? -0.4 : v < 2.5 ? 0.3 : -0.2, 0.5, "core inflation of " + num(v)
                    + "% year over year" + (v < 2.5 ? " is close to the Fed's target" : " is above the Fed's target"), core);
        }
        labour(s, m, out);
        Fact gdp = m.get("gdpGrowth");
        if (gdp != null) {
            double v = gdp.value();
            add(out, MACRO, s, v > 2.5 ? 0.4 : v < 1 ? -0.5 : 0.1, 0.6, "GDP growth of " + num(v) + "%", gdp);
        }
        Fact curve = m.get("yieldCurve10y2y");
        if (curve != null) {
            double v = curve.value();
            add(out, MACRO, s, v < 0 ? -0.5 : v > 50 ? 0.2 : 0, 0.5, "10y-2y yield spread of " + num(v) + " bp"
                    + (v < 0 ? ": an inverted curve" : ""), curve);
        }
        Fact pmi = m.get("pmi");
        if (pmi != null) {
            double v = pmi.value();
            add(out, MACRO, s, v > 52 ? 0.4 : v < 48 ? -0.4 : 0, 0.5, "PMI of " + num(v)
                    + (v > 50 ? " signals expansion" : " signals contraction"), pmi);
        }
        sentiment(MACRO, s, Set.of("macro", "rates"), out);
    }

    /**
     * The labour market by its direction: a rise in unemployment of half a point or more within a year is the
     * classic early sign of recession (the Sahm rule's threshold); the level alone says little. Payrolls confirm.
     */
    private void labour(String s, Map<String, Fact> m, List<Contribution> out) {
        Fact unemployment = m.get("unemployment");
        Fact rise = m.get("unemploymentChange");
        if (rise != null) {
            double v = rise.value();
            String level = unemployment == null ? "unemployment" : "unemployment of " + num(unemployment.value()) + "%";
            add(out, MACRO, s, v >= 0.5 ? -0.6 : v > 0.2 ? -0.2 : v <= -0.2 ? 0.3 : 0.1, 0.6, level
                    + (v >= 0 ? " is up " : " is down ") + num(Math.abs(v)) + " points in a year"
                    + (v >= 0.5 ? ": the labour market is weakening" : v <= -0.2 ? ": the labour market is tightening" : ""),
                    unemployment == null ? new Fact[]{rise} : new Fact[]{rise, unemployment});
        }
        Fact payrolls = m.get("payrollsChange");
        if (payrolls != null) {
            double v = payrolls.value();
            add(out, MACRO, s, v < 0 ? -0.6 : v < 75 ? -0.2 : v > 200 ? 0.4 : 0.2, 0.5, "payrolls "
                    + (v < 0 ? "fell by " : "grew by ") + num(Math.abs(v)) + " thousand jobs last month", payrolls);
        }
    }

    private void rates(String s, Map<String, Fact> f, Map<String, Fact> m, List<Contribution> out) {
        policy(s, m, RATES, 1.0, out);
        Fact yield = m.get("yield10yChange");
        if (yield != null) {
            double v = yield.value();
            add(out, RATES, s, v > 25 ? -0.6 : v > 0 ? -0.2 : v < -25 ? 0.5 : 0.2, 1.0, "the 10-year yield moved "
                    + num(v) + " bp" + (v > 0 ? ", tightening financial conditions" : ", easing financial conditions"), yield);
        }
        Fact curve = m.get("yieldCurve10y2y");
        if (curve != null) {
            double v = curve.value();
            add(out, RATES, s, v < 0 ? -0.5 : v > 50 ? 0.2 : 0, 0.6, "10y-2y yield spread of " + num(v) + " bp", curve);
        }
        Fact pe = f.get("pe");
        Fact tightening = yield != null ? yield : m.get("policyRateChange");
        if (pe != null && tightening != null && tightening.value() != 0 && pe.value() > 30) {
            boolean rising = tightening.value() > 0;
            add(out, RATES, s, rising ? -0.5 : 0.3, 0.8, s + "'s P/E of " + num(pe.value())
                    + " makes it sensitive to discount rates, which are " + (rising ? "rising" : "falling")
                    + " (" + num(tightening.value()) + " bp)", pe, tightening);
        }
        sentiment(RATES, s, Set.of("rates"), out);
    }

    private void policy(String s, Map<String, Fact> m, String group, double weight, List<Contribution> out) {
        Fact change = m.get("policyRateChange");
        if (change != null) {
            double v = change.value();
            Fact level = m.get("policyRate");
            String text = "the policy rate " + (v < 0 ? "was cut by " + num(-v) + " bp" : v > 0 ? "was raised by "
                    + num(v) + " bp" : "is unchanged") + (level == null ? "" : " at " + num(level.value()) + "%");
            add(out, group, s, v < 0 ? 0.6 : v > 0 ? -0.6 : 0, weight, text, level == null ? new Fact[]{change}
                    : new Fact[]{change, level});
        }
    }

    private void sector(String s, Map<String, Fact> f, List<Contribution> out) {
        Fact sectorReturn = f.get("sectorReturn3m");
        if (sectorReturn != null) {
            double v = sectorReturn.value();
            add(out, SECTOR, s, v > 0.08 ? 0.6 : v > 0.02 ? 0.2 : v < -0.05 ? -0.6 : 0, 0.8,
                    s + "'s sector returned " + pct(v) + " over three months", sectorReturn);
        }
        Fact relative = f.get("relativeStrength3m");
        if (relative != null) {
            double v = relative.value();
            add(out, SECTOR, s, v > 0.05 ? 0.5 : v < -0.05 ? -0.5 : 0, 0.6, s + (v >= 0 ? " outperformed" : " lagged")
                    + " its sector by " + pct(Math.abs(v)) + " over three months", relative);
        }
        sentiment(SECTOR, s, Set.of("sector"), out);
    }

    private static void add(List<Contribution> out, String group, String symbol, double score, double weight,
                            String claim, Fact... cited) {
        List<String> cites = new ArrayList<>();
        for (Fact fact : cited) {
            cites.add(fact.cite());
        }
        out.add(new Contribution(group, symbol, score, weight, claim, cites));
    }

    // ---------------------------------------------------------------- recommendation

    ObjectNode recommendation() {
        JsonNode consensus = context.path("consensus");
        String rating = consensus.path("rating").asText("HOLD");
        int value = stanceValue(rating);
        List<JsonNode> positions = new ArrayList<>();
        context.path("positions").forEach(positions::add);
        positions.sort(Comparator.comparingDouble((JsonNode p) -> -p.path("confidence").asDouble())
                .thenComparing(p -> p.path("participant").asText()));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("model", OfflineChatModel.MODEL_ID);
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

        ArrayNode risks = answer.putArray("risks");
        for (JsonNode position : positions) {
            for (JsonNode argument : position.path("arguments")) {
                int side = directionSign(argument.path("direction").asText());
                boolean against = value > 0 ? side < 0 : value < 0 ? side > 0 : side != 0;
                if (against && !argument.hasNonNull("respondsTo") && risks.size() < 3) {
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

    // ---------------------------------------------------------------- helpers

    private static Map<String, Double> weights(Object... groupsAndWeights) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndWeights.length; i += 2) {
            map.put((String) groupsAndWeights[i], (Double) groupsAndWeights[i + 1]);
        }
        return map;
    }

    private static int distinctCitations(JsonNode arguments) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode argument : arguments) {
            argument.path("evidence").forEach(e -> ids.add(e.asText()));
        }
        return ids.size();
    }

    /** How well a position is backed: a cited position counts fully from five distinct citations. */
    private static double quality(int citations) {
        return Math.min(1, 0.4 + 0.12 * citations);
    }

    static int stanceOf(double score) {
        return score >= 0.55 ? 2 : score >= 0.15 ? 1 : score > -0.15 ? 0 : score > -0.55 ? -1 : -2;
    }

    static int stanceValue(String stance) {
        String normal = stance == null ? "" : stance.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (int i = 0; i < STANCES.length; i++) {
            if (STANCES[i].equals(normal)) {
                return i - 2;
            }
        }
        return 0;
    }

    private static int directionSign(String direction) {
        return switch (direction == null ? "" : direction) {
            case "bullish" -> 1;
            case "bearish" -> -1;
            default -> 0;
        };
    }

    private static String direction(double score) {
        return score > 0 ? "bullish" : score < 0 ? "bearish" : "neutral";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** A figure as printed in evidence: at most two decimals, no trailing zeros. */
    static String num(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with one decimal. */
    static String pct(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
