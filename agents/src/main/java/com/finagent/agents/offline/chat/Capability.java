package com.finagent.agents.offline.chat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a question can ask for, and the tool names (in preference order) that provide it. */
enum Capability {
    QUOTE(true, "price and history", "marketData", "quantAnalysis"),
    TECHNICAL(true, "technical-indicator", "technicalIndicators", "chartAnalysis", "technicalAnalysis"),
    RISK(true, "risk", "riskManagement", "riskAssessment", "riskAnalysis", "quantAnalysis", "hedging"),
    SECTOR(true, "sector", "sectorAnalysis"),
    NEWS(false, "news search", "search"),
    HOLDINGS(false, "portfolio", "portfolio"),
    PORTFOLIO_RISK(false, "portfolio-risk", "portfolioAnalysis", "correlationAnalysis", "monteCarlo"),
    OPTIMISE(false, "portfolio-optimisation", "portfolioOptimization", "assetAllocation", "optimization"),
    MACRO(false, "economic-data", "economicData");

    final boolean perSymbol;
    final String description;
    final List<String> tools;

    /** The words that show a question asks for a capability. */
    static final Map<Capability, Pattern> INTENTS = intents();

    Capability(boolean perSymbol, String description, String... tools) {
        this.perSymbol = perSymbol;
        this.description = description;
        this.tools = List.of(tools);
    }

    String toolAmong(Collection<String> offered) {
        return tools.stream().filter(offered::contains).findFirst().orElse(null);
    }

    private static Map<Capability, Pattern> intents() {
        Map<Capability, Pattern> map = new LinkedHashMap<>();
        map.put(QUOTE, Pattern.compile("\\b(?:price|prices|quote|trading at|trade at|worth|cost|how much|"
                + "perform\\w*|returns?|trend\\w*|doing|moved?|52-week|high|low|rall\\w*|drop\\w*|fell|fall\\w*|gain\\w*|"
                + "up|down|valuation|value)\\b", Pattern.CASE_INSENSITIVE));
        map.put(TECHNICAL, Pattern.compile("\\b(?:rsi|macd|technicals?|indicators?|momentum|overbought|"
                + "oversold|chart\\w*|moving averages?|sma|bollinger|atr|entry|exit|stops?|support|resistance|signals?|"
                + "breakout|timing|setup)\\b", Pattern.CASE_INSENSITIVE));
        map.put(RISK, Pattern.compile("\\b(?:risk|risky|riskier|volatil\\w*|drawdowns?|var|value at risk|beta|"
                + "safe|safer|hedg\\w*|downside|lose|loss|losses|sharpe|shortfall|crash\\w*)\\b", Pattern.CASE_INSENSITIVE));
        map.put(SECTOR, Pattern.compile("\\b(?:sectors?|industry|peers?|relative strength)\\b", Pattern.CASE_INSENSITIVE));
        map.put(NEWS, Pattern.compile("\\b(?:news|headlines?|why|happening|sentiment|earnings|announce\\w*|"
                + "latest|reports?|rumou?rs?|coverage)\\b", Pattern.CASE_INSENSITIVE));
        map.put(HOLDINGS, Pattern.compile("\\b(?:portfolio|holdings?|my positions?|my stocks|my shares|"
                + "allocation|rebalanc\\w*|diversif\\w*|exposure|weights?|concentrat\\w*)\\b", Pattern.CASE_INSENSITIVE));
        map.put(PORTFOLIO_RISK, Pattern.compile("\\b(?:diversif\\w*|concentrat\\w*|correlat\\w*|portfolio "
                + "risk|risk of my portfolio|stress\\w*|monte carlo)\\b", Pattern.CASE_INSENSITIVE));
        map.put(OPTIMISE, Pattern.compile("\\b(?:optimi[sz]\\w*|rebalanc\\w*|allocat\\w*|target weights?|"
                + "efficient)\\b", Pattern.CASE_INSENSITIVE));
        map.put(MACRO, Pattern.compile("\\b(?:macro|econom\\w*|inflation|interest rates?|rates|fed|"
                + "recession|gdp|yields?|unemployment|cycle|central bank|pmi)\\b", Pattern.CASE_INSENSITIVE));
        return Map.copyOf(map);
    }
}
