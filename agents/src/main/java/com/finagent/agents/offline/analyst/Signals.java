package com.finagent.agents.offline.analyst;

import com.finagent.agents.model.AgentProtocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.finagent.agents.offline.analyst.Mandates.GROWTH;
import static com.finagent.agents.offline.analyst.Mandates.INCOME;
import static com.finagent.agents.offline.analyst.Mandates.MACRO;
import static com.finagent.agents.offline.analyst.Mandates.RATES;
import static com.finagent.agents.offline.analyst.Mandates.REVERSION;
import static com.finagent.agents.offline.analyst.Mandates.RISK;
import static com.finagent.agents.offline.analyst.Mandates.SECTOR;
import static com.finagent.agents.offline.analyst.Mandates.SENTIMENT;
import static com.finagent.agents.offline.analyst.Mandates.TREND;
import static com.finagent.agents.offline.analyst.Mandates.VALUATION;

/** The scored observations of one signal group about one symbol, from the evidence of an analysis. */
final class Signals {

    private final Map<String, Map<String, Fact>> facts;
    private final PriceSignals price = new PriceSignals();
    private final FundamentalSignals fundamentals = new FundamentalSignals();
    private final MacroSignals macro = new MacroSignals();
    private final RiskSignals risk;
    private final NewsSignals news;

    Signals(AnalysisInputs inputs) {
        this.facts = inputs.facts();
        this.risk = new RiskSignals(inputs.holdings());
        this.news = new NewsSignals(inputs.items());
    }

    /** The group's observations in a fixed order: figures first, then the tone of the news that bears on it. */
    List<Contribution> of(String group, String symbol) {
        Map<String, Fact> f = facts.getOrDefault(symbol, Map.of());
        Map<String, Fact> m = facts.getOrDefault(AgentProtocol.MACRO, Map.of());
        List<Contribution> out = new ArrayList<>();
        switch (group) {
            case TREND -> price.trend(symbol, f, out);
            case REVERSION -> price.reversion(symbol, f, out);
            case VALUATION -> fundamentals.valuation(symbol, f, out);
            case GROWTH -> fundamentals.growth(symbol, f, out);
            case INCOME -> fundamentals.income(symbol, f, out);
            case SENTIMENT -> news.sentiment(SENTIMENT, symbol, Set.of("news", "social", "analyst", "filing"), out);
            case RISK -> risk.risk(symbol, f, out);
            case MACRO -> {
                macro.macro(symbol, m, out);
                news.sentiment(MACRO, symbol, Set.of("macro", "rates"), out);
            }
            case RATES -> {
                macro.rates(symbol, f, m, out);
                news.sentiment(RATES, symbol, Set.of("rates"), out);
            }
            case SECTOR -> {
                price.sector(symbol, f, out);
                news.sentiment(SECTOR, symbol, Set.of("sector"), out);
            }
            default -> {
            }
        }
        return out;
    }
}
