package com.finagent.agents.debate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link Consensus} of final positions: weighted rating, common ground and the dissent, kept whole. */
final class ConsensusBuilder {

    private static final int MAX_AGREEMENT_POINTS = 5;
    private static final int REASONS_PER_DISSENT = 2;

    private ConsensusBuilder() {
    }

    /** @param abstained participants that abstained, listed but not counted */
    static Consensus build(List<Position> positions, Map<String, Participant> participants, CitationIndex index,
                           boolean converged, List<String> abstained) {
        double weightSum = 0;
        double weighted = 0;
        double confidenceSum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        Map<Stance, List<String>> tally = new EnumMap<>(Stance.class);
        for (Position position : positions) {
            int value = position.stance().value();
            weightSum += position.confidence();
            weighted += position.confidence() * value;
            confidenceSum += position.confidence();
            min = Math.min(min, value);
            max = Math.max(max, value);
            tally.computeIfAbsent(position.stance(), s -> new ArrayList<>()).add(position.participant());
        }
        double score = weightSum > 0 ? weighted / weightSum
                : positions.stream().mapToInt(p -> p.stance().value()).average().orElse(0);
        Stance rating = Stance.ofScore(score);
        int spread = positions.isEmpty() ? 0 : max - min;
        double meanConfidence = positions.isEmpty() ? 0 : confidenceSum / positions.size();
        double confidence = Math.max(0, meanConfidence * (1 - 0.1 * spread));

        List<Dissent> dissent = new ArrayList<>();
        for (Position position : positions) {
            int distance = position.stance().value() - rating.value();
            if (distance != 0) {
                Participant participant = participants.get(position.participant());
                dissent.add(new Dissent(position.participant(), participant == null ? position.participant()
                        : participant.name(), position.stance(), position.confidence(), distance,
                        position.arguments().stream().limit(REASONS_PER_DISSENT).toList()));
            }
        }
        dissent.sort(Comparator.comparingInt((Dissent d) -> -Math.abs(d.distance())).thenComparing(Dissent::participant));
        return new Consensus(rating, round(score), round(confidence), spread, converged, tally,
                agreement(positions, index), dissent, positions.size(), abstained);
    }

    /** Evidence two or more participants cite in the same direction, most shared first. */
    private static List<AgreementPoint> agreement(List<Position> positions, CitationIndex index) {
        record Use(String participant, String direction, String claim, String citation) {
        }
        Map<String, List<Use>> byKey = new LinkedHashMap<>();
        for (Position position : positions) {
            for (Argument argument : position.arguments()) {
                if (argument.respondsTo() != null || argument.direction().equals("neutral")) {
                    continue;
                }
                for (String citation : argument.evidence()) {
                    byKey.computeIfAbsent(index.agreementKey(citation) + "|" + argument.direction(), k -> new ArrayList<>())
                            .add(new Use(position.participant(), argument.direction(), argument.claim(), citation));
                }
            }
        }
        List<AgreementPoint> points = new ArrayList<>();
        Set<String> claims = new LinkedHashSet<>();
        byKey.forEach((key, uses) -> {
            List<String> who = uses.stream().map(Use::participant).distinct().toList();
            if (who.size() >= 2 && claims.add(uses.get(0).claim())) {
                List<String> citations = uses.stream().map(Use::citation).distinct().toList();
                points.add(new AgreementPoint(uses.get(0).claim(), citations, who, uses.get(0).direction()));
            }
        });
        points.sort(Comparator.comparingInt((AgreementPoint p) -> -p.participants().size())
                .thenComparing(AgreementPoint::point));
        return points.stream().limit(MAX_AGREEMENT_POINTS).toList();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
