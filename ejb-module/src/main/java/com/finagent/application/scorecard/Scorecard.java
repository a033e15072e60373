package com.finagent.application.scorecard;

import com.finagent.application.debate.Reflections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How past calls turned out, per assistant, per participant and per model, and how well their confidence was
 * calibrated. A call is right by the rule the reflections' lessons use ({@link Reflections#wasRight}).
 *
 * @param byAssistant   the debates' recommendations, grouped by assistant
 * @param byParticipant each participant's final stance in those debates (abstentions are not calls)
 * @param byModel       the participants' calls grouped by the model that made them
 * @param calibration   the recommendations in confidence buckets of 0.2: a well-calibrated assistant is right
 *                      about as often as it says it is confident
 */
public record Scorecard(List<Group> byAssistant, List<Group> byParticipant, List<Group> byModel,
                        List<Bucket> calibration, String rule) {

    static final String RULE = "A buy is right when the symbol beat SPY over the horizon, a sell when it lagged,"
            + " a hold when it moved within 3 % of SPY. Mean excess return is the symbol's return over SPY's, signed"
            + " by the call's direction (what acting on the calls earned against the index); holds are left out"
            + " of it. Backtest calls are counted apart from live ones.";

    /**
     * @param meanExcessReturn null when the group has no buy or sell calls
     */
    public record Group(String key, boolean backtest, int calls, int hits, double hitRate, Double meanExcessReturn) {
    }

    /**
     * Calls whose confidence lies in [from, to) (the last bucket includes 1): how confident they were on average
     * and how often right; both null for an empty bucket.
     */
    public record Bucket(double from, double to, int calls, Double meanConfidence, Double hitRate) {
    }

    public static Scorecard of(List<ScoredCall> recommendations, List<ScoredCall> participantCalls) {
        return new Scorecard(groups(recommendations, ScoredCall::assistant),
                groups(participantCalls, ScoredCall::participant), groups(participantCalls, ScoredCall::model),
                calibration(recommendations), RULE);
    }

    private static List<Group> groups(List<ScoredCall> calls, Function<ScoredCall, String> key) {
        Map<String, List<ScoredCall>> grouped = new TreeMap<>();
        for (ScoredCall call : calls) {
            String name = key.apply(call) == null ? "unknown" : key.apply(call);
            grouped.computeIfAbsent(name + (call.backtest() ? "\u0000backtest" : ""), k -> new ArrayList<>()).add(call);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((name, members) -> {
            int hits = (int) members.stream().filter(Scorecard::right).count();
            OptionalDouble excess = members.stream().filter(c -> c.stance().value() != 0)
                    .mapToDouble(c -> Integer.signum(c.stance().value()) * c.excess()).average();
            groups.add(new Group(name.replace("\u0000backtest", ""), members.get(0).backtest(), members.size(), hits,
                    (double) hits / members.size(), excess.isPresent() ? excess.getAsDouble() : null));
        });
        return groups;
    }

    private static List<Bucket> calibration(List<ScoredCall> calls) {
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            double from = b * 0.2;
            double to = from + 0.2;
            boolean last = b == 4;
            List<ScoredCall> members = calls.stream().filter(c -> !c.backtest() && c.confidence() >= from
                    && (c.confidence() < to || last)).toList();
            OptionalDouble meanConfidence = members.stream().mapToDouble(ScoredCall::confidence).average();
            Double hitRate = members.isEmpty() ? null
                    : (double) members.stream().filter(Scorecard::right).count() / members.size();
            buckets.add(new Bucket(round(from), round(to), members.size(),
                    meanConfidence.isPresent() ? meanConfidence.getAsDouble() : null, hitRate));
        }
        return buckets;
    }

    private static boolean right(ScoredCall call) {
        return Reflections.wasRight(call.stance(), call.excess());
    }

    private static double round(double bound) {
        return Math.round(bound * 10) / 10.0;
    }
}
