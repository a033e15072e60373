package com.finagent.agents.offline.analyst;

import com.finagent.agents.tools.EvidenceWeights;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.finagent.agents.offline.analyst.Mandates.SENTIMENT;
import static com.finagent.agents.offline.analyst.Numbers.num;

/** What the scored texts of the evidence say about a symbol: the tone of its news flow and its extremes. */
final class NewsSignals {

    private final List<Item> items;

    NewsSignals(List<Item> items) {
        this.items = items;
    }

    /**
     * The tone of the texts of {@code categories} about the symbol; for a group other than sentiment, texts about no
     * symbol (macro, rates, sector news) count too.
     */
    void sentiment(String group, String s, Set<String> categories, List<Contribution> out) {
        List<Item> scored = items.stream()
                .filter(i -> i.sentiment() != null && categories.contains(i.category())
                        && (s.equals(i.symbol()) || (i.symbol() == null && !group.equals(SENTIMENT))))
                .toList();
        if (scored.isEmpty()) {
            return;
        }
        // weighted by source and age (EvidenceWeights), measured from the newest dated text
        LocalDate reference = items.stream().map(i -> EvidenceWeights.day(i.date())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        double weightSum = 0;
        double weighted = 0;
        for (Item item : scored) {
            double weight = EvidenceWeights.source(item.category(), item.source())
                    * EvidenceWeights.age(item.date(), reference);
            weightSum += weight;
            weighted += weight * item.sentiment();
        }
        double mean = weightSum == 0 ? 0 : weighted / weightSum;
        long positive = scored.stream().filter(i -> i.sentiment() >= 0.15).count();
        long negative = scored.stream().filter(i -> i.sentiment() <= -0.15).count();
        String label = mean > 0.35 ? "clearly positive" : mean > 0.1 ? "leaning positive"
                : mean < -0.35 ? "clearly negative" : mean < -0.1 ? "leaning negative" : "mixed";
        double score = mean > 0.35 ? 0.8 : mean > 0.1 ? 0.4 : mean < -0.35 ? -0.8 : mean < -0.1 ? -0.4 : 0;
        List<String> cites = scored.stream().map(Item::id).toList();
        out.add(new Contribution(group, s, score, 1.0, (group.equals(SENTIMENT) ? "sentiment on " + s : group
                + " news flow") + " is " + label + ": " + positive + " of " + scored.size() + " scored items positive, "
                + negative + " negative, weighted by source and age (" + kinds(scored) + ")", cites));
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

    /** What the texts are, counted: "3 finance-news posts on Twitter, 1 social post". */
    private static String kinds(List<Item> scored) {
        Map<String, Long> counts = new TreeMap<>();
        for (Item item : scored) {
            String source = item.source() == null ? "" : item.source().toLowerCase(Locale.ROOT);
            String kind = source.contains("finance-news post on twitter") ? "finance-news posts on Twitter"
                    : switch (item.category()) {
                        case "social" -> "social posts";
                        case "filing" -> "filings";
                        case "analyst" -> "analyst notes";
                        default -> "news items";
                    };
            counts.merge(kind, 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
