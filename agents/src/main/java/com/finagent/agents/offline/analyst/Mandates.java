package com.finagent.agents.offline.analyst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signal groups a participant's mandate weighs, and the tools each group wants. The debate's participants
 * ({@code Roster}) name these mandates; an unknown mandate weighs trend, valuation, sentiment and risk evenly.
 */
final class Mandates {

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

    /** What each mandate weighs: signal group and its weight. */
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

    private Mandates() {
    }

    /** The groups a mandate weighs with their weights, in the order its tools are planned. */
    static Map<String, Double> weights(String mandate) {
        Map<String, Double> weights = MANDATES.get(mandate);
        if (weights != null) {
            return weights;
        }
        return weights(TREND, 1.0, VALUATION, 1.0, SENTIMENT, 1.0, RISK, 1.0);
    }

    /** What a signal group weighs, in words: what an abstaining participant lacked. */
    static String describe(String group) {
        return switch (group) {
            case TREND -> "price trend figures (returns, moving averages, RSI, MACD)";
            case REVERSION -> "mean-reversion figures (RSI, distance from the 50-day average, Bollinger %B)";
            case VALUATION -> "valuation figures (P/E, forward P/E, PEG, free-cash-flow yield)";
            case GROWTH -> "growth figures (revenue and earnings growth, long-run returns)";
            case INCOME -> "income figures (dividend and free-cash-flow yield)";
            case SENTIMENT -> "scored news, social posts, analyst notes or filings";
            case RISK -> "risk figures (volatility, value at risk, drawdown, beta) or the user's position";
            case MACRO -> "macro figures or macro headlines";
            case RATES -> "rates figures or rates headlines";
            case SECTOR -> "sector figures or sector news";
            default -> group + " evidence";
        };
    }

    /** +1 for the bull advocate, -1 for the bear, 0 for everyone else. */
    static int bias(String mandate) {
        return BIAS.getOrDefault(mandate, 0);
    }

    /** The tools a group wants: alternatives per inner list, the first one offered is used. */
    static List<List<String>> tools(String group) {
        return TOOLS.getOrDefault(group, List.of());
    }

    static double advocacy(int bias, double score) {
        return bias != 0 && Math.signum(score) == -bias ? ADVOCACY_DISCOUNT : 1.0;
    }

    private static Map<String, Double> weights(Object... groupsAndWeights) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndWeights.length; i += 2) {
            map.put((String) groupsAndWeights[i], (Double) groupsAndWeights[i + 1]);
        }
        return map;
    }
}
