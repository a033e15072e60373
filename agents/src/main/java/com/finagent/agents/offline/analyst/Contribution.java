package com.finagent.agents.offline.analyst;

import java.util.ArrayList;
import java.util.List;

/** One scored observation: score in [-1, 1], its weight within its group, and the claim that states it. */
record Contribution(String group, String symbol, double score, double weight, String claim, List<String> cites) {

    /** Adds the observation to {@code out}, citing the figures it rests on. */
    static void add(List<Contribution> out, String group, String symbol, double score, double weight, String claim,
                    Fact... cited) {
        List<String> cites = new ArrayList<>();
        for (Fact fact : cited) {
            cites.add(fact.cite());
        }
        out.add(new Contribution(group, symbol, score, weight, claim, cites));
    }
}
