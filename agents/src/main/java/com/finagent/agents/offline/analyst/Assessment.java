package com.finagent.agents.offline.analyst;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.finagent.agents.offline.analyst.Mandates.advocacy;
import static com.finagent.agents.offline.analyst.Numbers.clamp;
import static com.finagent.agents.offline.analyst.Numbers.round2;

/**
 * A mandate's verdict: overall score, confidence, and the observations sorted by how much they count.
 *
 * @param symbolScores     each covered symbol's score in [-1, 1]
 * @param effectiveWeights the mandate's group weights
 */
record Assessment(double score, double confidence, List<Contribution> ranked, Map<String, Double> symbolScores,
                  Map<String, Double> effectiveWeights) {

    /** How much an observation counts: its score's size by its group's and its own weight. */
    double strength(Contribution c) {
        return Math.abs(c.score()) * effectiveWeights.getOrDefault(c.group(), 0.0) * c.weight();
    }

    /** Scores every symbol by the groups of the participant's mandate and ranks the observations. */
    static Assessment of(AnalysisInputs inputs, Signals signals) {
        List<String> symbols = inputs.symbols();
        Map<String, Double> groups = Mandates.weights(inputs.mandate());
        int bias = Mandates.bias(inputs.mandate());
        List<Contribution> all = new ArrayList<>();
        Map<String, Double> symbolScores = new LinkedHashMap<>();
        double coverageSum = 0;
        int covered = 0;
        for (String symbol : symbols) {
            List<Contribution> contributions = new ArrayList<>();
            for (String group : groups.keySet()) {
                contributions.addAll(signals.of(group, symbol));
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
}
