package com.finagent.agents.debate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who debates for each assistant type: at least three participants with different mandates. */
public final class Roster {

    /** Writes the final recommendation; configure its model under this id. */
    public static final Participant MODERATOR = new Participant("moderator", "Moderator", "moderator",
            "You chair the debate. Turn the consensus, the positions and the dissent into one recommendation; "
                    + "keep the dissent visible and quote numbers only from the evidence.");

    private static final Map<String, Participant> ALL = new LinkedHashMap<>();
    private static final Map<String, List<String>> BY_ASSISTANT = new LinkedHashMap<>();

    static {
        add("fundamental", "Fundamental Analyst", "Weigh valuation (P/E against the sector, forward P/E, PEG, "
                + "free-cash-flow yield), growth, margins and balance sheet from filings and figures.");
        add("technical", "Technical Analyst", "Weigh price trend and momentum: 1-year and 3-month returns, price "
                + "against the 50- and 200-day averages, RSI(14), MACD.");
        add("sentiment", "Sentiment Analyst", "Weigh the sentiment scores of news, social posts and analyst notes "
                + "about the symbols, and how much they agree.");
        add("risk", "Risk Manager", "Weigh volatility, value at risk, expected shortfall, drawdown, beta and the "
                + "position's concentration in the user's portfolio.");
        add("momentum", "Momentum Trader", "Trade with the trend: returns, moving-average trend, RSI and MACD "
                + "momentum, confirmed by news flow.");
        add("meanReversion", "Mean-Reversion Trader", "Fade stretched moves: RSI extremes, distance from the "
                + "50-day average, Bollinger %B.");
        add("growth", "Growth Strategist", "Weigh revenue and earnings growth, PEG and the long-run trend for a "
                + "long horizon.");
        add("incomeValue", "Income & Value Strategist", "Weigh dividend and free-cash-flow yield, valuation cushion, "
                + "leverage and volatility for income investors.");
        add("hedging", "Hedging Strategist", "Weigh the risk figures and the trend to decide whether to hold with a "
                + "hedge, and what the hedge must cover.");
        add("macro", "Macro Economist", "Weigh policy rates, inflation, growth, the yield curve, PMI and macro "
                + "headlines, and what they mean for the symbols.");
        add("rates", "Rates Strategist", "Weigh policy-rate moves, the 10-year yield and the curve, and how "
                + "sensitive the symbols' valuations are to discount rates.");
        add("sector", "Sector Analyst", "Weigh the sector's performance, the symbol against its sector, and sector "
                + "news.");
        add("bull", "Bull Advocate", "Make the strongest evidence-based case for owning the symbols; concede "
                + "risks only where the evidence is strong.");
        add("bear", "Bear Advocate", "Make the strongest evidence-based case against owning the symbols; concede "
                + "strengths only where the evidence is strong.");
        add("neutralRisk", "Neutral Risk Reviewer", "Weigh risk against trend and sentiment without a side.");

        BY_ASSISTANT.put("general", List.of("bull", "bear", "neutralRisk"));
        BY_ASSISTANT.put("analyst", List.of("fundamental", "technical", "sentiment", "risk"));
        BY_ASSISTANT.put("trader", List.of("momentum", "meanReversion", "risk"));
        BY_ASSISTANT.put("advisor", List.of("growth", "incomeValue", "risk"));
        BY_ASSISTANT.put("riskManager", List.of("risk", "hedging", "macro"));
        BY_ASSISTANT.put("economist", List.of("macro", "rates", "sector"));
    }

    private Roster() {
    }

    private static void add(String id, String name, String brief) {
        ALL.put(id, new Participant(id, name, id, brief));
    }

    /** The participants of an assistant type, in a fixed order. */
    public static List<Participant> forAssistant(String assistantType) {
        List<String> ids = BY_ASSISTANT.get(assistantType);
        if (ids == null) {
            throw new IllegalArgumentException("Unknown assistant type '" + assistantType + "'");
        }
        return ids.stream().map(ALL::get).toList();
    }

    public static Optional<Participant> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** Every participant there is. */
    public static List<Participant> all() {
        return List.copyOf(ALL.values());
    }
}
