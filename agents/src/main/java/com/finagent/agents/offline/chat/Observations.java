package com.finagent.agents.offline.chat;

import com.finagent.agents.profile.AssistantProfile;
import com.finagent.agents.tools.ToolResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.chat.Sentences.capitalise;
import static com.finagent.agents.offline.chat.ToolAnswer.isMacro;

/**
 * The sentences of an answer that interpret the figures in words, adding no number: what the trend, momentum, risk
 * and valuation show, the economic cycle, the user's risk tolerance and horizon applied, and the profile's closing
 * angle.
 */
final class Observations {

    private final AssistantProfile profile;
    private final StatedPreferences preferences;

    Observations(ChatContext context) {
        this.profile = context.profile();
        this.preferences = new StatedPreferences(context.memories());
    }

    List<String> observations(String symbol, Map<String, Double> m, List<ToolResult> data) {
        Map<String, String> byTheme = new LinkedHashMap<>();
        Double price = m.get("price");
        if (price != null && m.containsKey("sma200")) {
            byTheme.put("trend", symbol + " trades " + (price >= m.get("sma200") ? "above" : "below")
                    + " its 200-day average, so the long-term trend is " + (price >= m.get("sma200") ? "up" : "down")
                    + (m.containsKey("sma50") ? (price >= m.get("sma50") ? " and it holds above its 50-day average."
                    : ", though it has slipped below its 50-day average.") : "."));
        } else if (m.containsKey("return1y")) {
            byTheme.put("trend", symbol + (m.get("return1y") >= 0 ? " gained" : " lost") + " over the past year.");
        }
        if (m.containsKey("rsi14") || m.containsKey("macdHistogram")) {
            List<String> parts = new ArrayList<>();
            Double rsi = m.get("rsi14");
            if (rsi != null) {
                parts.add("RSI(14) reads " + (rsi >= 70 ? "overbought" : rsi <= 30 ? "oversold" : "neutral"));
            }
            Double macd = m.get("macdHistogram");
            if (macd != null) {
                parts.add("the MACD histogram is " + (macd >= 0 ? "positive, so momentum is building"
                        : "negative, so momentum is fading"));
            }
            Double pctB = m.get("bollingerPctB");
            if (pctB != null && (pctB > 1 || pctB < 0)) {
                parts.add("the price is " + (pctB > 1 ? "above the upper" : "below the lower") + " Bollinger band");
            }
            byTheme.put("momentum", capitalise(String.join("; ", parts)) + ".");
        }
        if (m.containsKey("volatility") || m.containsKey("maxDrawdown") || m.containsKey("beta")) {
            List<String> parts = new ArrayList<>();
            Double vol = m.get("volatility");
            if (vol != null) {
                parts.add(vol >= 0.4 ? "it is a very volatile stock" : vol >= 0.25 ? "it swings more than a typical "
                        + "large company" : "its price has been relatively calm");
            }
            Double drawdown = m.get("maxDrawdown");
            if (drawdown != null && drawdown >= 0.3) {
                parts.add("it has fallen a long way from a peak before");
            }
            Double beta = m.get("beta");
            if (beta != null) {
                parts.add(beta > 1.2 ? "it moves more than the market" : beta < 0.8 ? "it moves less than the market"
                        : "it moves roughly with the market");
            }
            byTheme.put("risk", "On risk: " + String.join(", ", parts) + ".");
        }
        if (m.containsKey("relativeStrength3m")) {
            byTheme.put("sector", symbol + (m.get("relativeStrength3m") >= 0 ? " has outperformed" : " has lagged")
                    + " its sector over the last three months.");
        }
        if (m.containsKey("pe") || m.containsKey("forwardPe")) {
            Double pe = m.getOrDefault("pe", m.get("forwardPe"));
            Double sectorPe = m.get("sectorPe");
            byTheme.put("value", sectorPe == null ? symbol + " has a valuation multiple on record; compare it with peers."
                    : symbol + " is valued " + (pe > sectorPe ? "above" : "below") + " its sector on P/E.");
        } else if (profile.id().equals("analyst")) {
            byTheme.put("value", "My tools returned no valuation ratios for " + symbol
                    + ", so this view rests on price action and risk only.");
        }
        Double weight = m.get("weight");
        if (weight != null && weight >= 0.2) {
            byTheme.put("portfolio", symbol + " is a concentrated position in your portfolio.");
        }
        List<String> out = new ArrayList<>();
        for (String theme : themes()) {
            String sentence = byTheme.get(theme);
            if (sentence != null && out.size() < 3) {
                out.add(sentence);
            }
        }
        return out;
    }

    List<String> themes() {
        return ProfileWords.list("themes", profile.id());
    }

    static List<String> macroObservations(List<ToolResult> data) {
        List<String> out = new ArrayList<>();
        for (ToolResult result : data) {
            if (!isMacro(result)) {
                continue;
            }
            Map<String, Double> m = result.metrics();
            List<String> parts = new ArrayList<>();
            Double inflation = m.get("inflationYoY");
            if (inflation != null) {
                parts.add(inflation > 2.5 ? "inflation is still above the Fed's target, which limits room for rate cuts"
                        : "inflation is close to the Fed's target");
            }
            Double unemploymentChange = m.get("unemploymentChange");
            if (unemploymentChange != null && unemploymentChange >= 0.5) {
                parts.add("unemployment has risen by half a point or more in a year, an early recession signal");
            }
            Double rateChange = m.get("policyRateChange");
            if (rateChange != null && rateChange != 0) {
                parts.add(rateChange < 0 ? "the central bank has been cutting, which helps rate-sensitive sectors"
                        : "the central bank has been hiking, which weighs on rate-sensitive sectors");
            }
            Double curve = m.get("yieldCurve10y2y");
            if (curve != null) {
                parts.add(curve < 0 ? "the yield curve is inverted, a classic late-cycle warning"
                        : "the yield curve slopes upward");
            }
            Double pmi = m.get("pmi");
            if (pmi != null) {
                parts.add("the PMI points to " + (pmi >= 50 ? "expanding" : "contracting") + " activity");
            }
            if (!parts.isEmpty()) {
                out.add("In the cycle: " + String.join(", ", parts) + ".");
            }
        }
        return out;
    }

    /** The user's risk tolerance and horizon applied to what the figures show. */
    String tailoring(ChatPlan plan, Map<String, Map<String, Double>> bySymbol, List<ToolResult> data) {
        String level = preferences.riskLevel(plan);
        boolean risky = false;
        for (Map<String, Double> m : bySymbol.values()) {
            risky |= m.getOrDefault("volatility", 0.0) >= 0.25 || m.getOrDefault("maxDrawdown", 0.0) >= 0.3
                    || m.getOrDefault("beta", 1.0) > 1.2;
        }
        List<String> parts = new ArrayList<>();
        if ("low".equals(level) && risky) {
            parts.add("With your low risk tolerance, swings like these argue for a small position, if any, inside a "
                    + "diversified portfolio");
        } else if ("low".equals(level) && !bySymbol.isEmpty()) {
            parts.add("For your low risk tolerance, keep any single stock a modest part of a diversified portfolio");
        } else if ("high".equals(level) && risky) {
            parts.add("Your high risk tolerance can carry these swings; still size the position so a drawdown like the "
                    + "past one stays bearable");
        }
        String horizon = preferences.horizon(plan);
        if ("long".equals(horizon) && (plan.advice || !bySymbol.isEmpty() || !data.isEmpty())) {
            parts.add("with your long horizon, the long-term trend and diversification matter more than the next few "
                    + "months");
        } else if ("short".equals(horizon)) {
            parts.add("with your short horizon, money you need soon should not depend on a volatile holding");
        }
        if (parts.isEmpty()) {
            return null;
        }
        return capitalise(String.join("; ", parts)) + ".";
    }

    /** One closing sentence from the profile's angle. */
    String angle(ChatPlan plan, Map<String, Map<String, Double>> bySymbol, List<ToolResult> data) {
        if (data.isEmpty()) {
            return null;
        }
        Map<String, Double> first = bySymbol.isEmpty() ? Map.of() : bySymbol.values().iterator().next();
        return switch (profile.id()) {
            case "trader" -> {
                Double rsi = first.get("rsi14");
                String entry = rsi == null ? "" : rsi >= 70 ? "Chasing an overbought move is risky; a pullback toward "
                        + "the 50-day average is the patient entry. " : rsi <= 30 ? "Oversold readings can bounce, but "
                        + "wait for momentum to turn before entering. " : "";
                yield entry + (first.containsKey("atr14") ? "Set the stop a multiple of ATR(14) away from the entry "
                        + "and size the trade so that being stopped out costs only a small slice of the account."
                        : "Size the trade so that a wrong call is survivable.");
            }
            case "riskManager" -> {
                boolean concentrated = data.stream().anyMatch(r -> r.metrics().getOrDefault("maxWeight", 0.0) >= 0.2)
                        || first.getOrDefault("weight", 0.0) >= 0.2;
                boolean deep = first.getOrDefault("maxDrawdown", 0.0) >= 0.3;
                yield "Largest risk first: " + (concentrated ? "concentration, so cap the position before anything else."
                        : deep ? "drawdown, so set a loss limit or hedge before adding."
                        : "volatility, so keep the position size within what your loss limit allows.");
            }
            case "advisor" -> bySymbol.isEmpty()
                    ? "Compare these weights with your target allocation, and rebalance when they drift from it."
                    : "Decide the size from your target allocation rather than from the recent move, and rebalance "
                    + "when it drifts.";
            case "analyst" -> "The conclusion follows the figures above; the figures, not a price target, are the "
                    + "evidence.";
            case "economist" -> "Sectors that are sensitive to rates and growth tend to lead when the cycle turns.";
            default -> plan.advice ? "Weigh this against your goals; no single figure decides it."
                    : null;
        };
    }
}
