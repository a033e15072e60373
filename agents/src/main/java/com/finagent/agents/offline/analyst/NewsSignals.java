package com.finagent.agents.offline.analyst;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
        double mean = scored.stream().mapToDouble(Item::sentiment).average().orElse(0);
        long positive = scored.stream().filter(i -> i.sentiment() >= 0.15).count();
        long negative = scored.stream().filter(i -> i.sentiment() <= -0.15).count();
        String label = mean > 0.35 ? "clearly positive" : mean > 0.1 ? "leaning positive"
                : mean < -0.35 ? "clearly negative" : mean < -0.1 ? "leaning negative" : "mixed";
        double score = mean > 0.35 ? 0.8 : mean > 0.1 ? 0.4 : mean < -0.35 ? -0.8 : mean < -0.1 ? -0.4 : 0;
        List<String> cites = scored.stream().map(Item::id).toList();
        out.add(new Contribution(group, s, score, 1.0, (group.equals(SENTIMENT) ? "sentiment on " + s : group
                + " news flow") + " is " + label + ": " + positive + " of " + scored.size() + " scored items positive, "
                + negative + " negative", cites));
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
}
