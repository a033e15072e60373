package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.text.EnglishStems;
import com.finagent.agents.offline.text.WordLists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the finance rules know, read once from {@code finance-lexicon.txt} and {@code finance-words.txt}: lexicon
 * entries (metrics, direction words, movements, evaluative words, negators) by their first stem, longest phrase
 * first, and the word sets the rules' patterns test stems against.
 */
final class FinanceLexicon {

    /** MOVEMENT: a metric and its direction in one phrase ("cost savings", "job cuts"). */
    enum Kind { METRIC, DIRECTION, MOVEMENT, EVALUATIVE, NEGATOR }

    /** Which side of a direction word its metric usually stands on. */
    enum Side { BEFORE, AFTER, EITHER }

    /**
     * One lexicon entry.
     *
     * @param polarity  METRIC: +1 good when up, -1 bad when up; DIRECTION: +1 up, -1 down; MOVEMENT, EVALUATIVE:
     *                  the sign of the news
     * @param weight    METRIC: evidence when nothing moves it (losses are bad news on their own); DIRECTION: evidence
     *                  when no metric is near; MOVEMENT, EVALUATIVE: evidence
     * @param side      DIRECTION: where its metric usually stands
     */
    record Entry(Kind kind, String[] stems, int polarity, double weight, Side side) {
    }

    /**
     * Evidence for a direction word on a metric, a number comparison or a swing between profit and loss: these
     * are precise (on the training tweets 80-95% of texts with one carry its sentiment), so they weigh more than
     * an evaluative word or a direction word with no metric.
     */
    static final double ANCHORED_WEIGHT = 1.5;

    private static final String LEXICON_RESOURCE = "finance-lexicon.txt";
    private static final WordLists WORDS = WordLists.load(FinanceLexicon.class, "finance-words.txt");
    static final Map<String, List<Entry>> LEXICON = new HashMap<>();

    static final Set<String> CLAUSE_WORDS = stems(WORDS.list("clause-words"));
    static final Set<String> SCALE_MILLION = stems(WORDS.list("scale-million"));
    static final Set<String> SCALE_BILLION = stems(WORDS.list("scale-billion"));
    static final Set<String> SCALE_THOUSAND = stems(WORDS.list("scale-thousand"));
    static final Set<String> PERCENT_WORDS = stems(WORDS.list("percent-words"));
    static final Set<String> CURRENCY = stems(WORDS.list("currency"));
    static final Set<String> MONTHS = stems(WORDS.list("months"));
    /** Words allowed between a comparison keyword and its number: "from a loss of EUR 2 mn". */
    static final Set<String> COMPARISON_FILLER = stems(WORDS.list("comparison-filler"));
    static final Set<String> COMPARE_AFTER = stems(WORDS.list("compare-after"));
    static final Set<String> LOSS_STATE = stems(WORDS.list("loss-state"));
    static final Set<String> PROFIT_STATE = stems(WORDS.list("profit-state"));
    static final Set<String> SWING_VERBS = stems(WORDS.list("swing-verbs"));
    static final Set<String> SLIP_VERBS = stems(WORDS.list("slip-verbs"));
    static final Set<String> SWING_FILLER = stems(WORDS.list("swing-filler"));
    static final Set<String> DEAL_VERBS = stems(WORDS.list("deal-verbs"));
    static final Set<String> DEAL_NOUNS = stems(WORDS.list("deal-nouns"));
    /** Ratings a stock moves away from ("to hold from buy"): the old rating says nothing about the new view. */
    static final Set<String> RATINGS = stems(WORDS.list("ratings"));
    /** What "up"/"down" must stand next to for them to mean a change in level. */
    static final Set<String> UP_DOWN_NEXT = stems(WORDS.list("up-down-next"));
    /** Verbs that make "up"/"down" a particle: "step down", "set up", "shut down". */
    static final Set<String> PARTICLE_VERBS = stems(WORDS.list("particle-verbs"));
    /** Metrics whose own name ends in -ing. */
    static final Set<String> ING_METRICS = WORDS.set("ing-metrics");
    /** What follows "share" when it is not the stock price: "share capital", "share issue". */
    static final Set<String> NOT_STOCK = stems(WORDS.list("not-stock"));
    static final Set<String> AHEAD_OF = stems(WORDS.list("ahead-of"));
    static final Set<String> COST_CONTEXT = stems(WORDS.list("cost-context"));

    static {
        for (WordLists.Section section : WordLists.load(FinanceLexicon.class, LEXICON_RESOURCE).sections()) {
            addSection(section);
        }
        for (List<Entry> entries : LEXICON.values()) {
            entries.sort((a, b) -> b.stems().length - a.stems().length);
        }
    }

    private FinanceLexicon() {
    }

    /**
     * Adds the entries of one lexicon section, whose header names the kind and its parameters: see
     * {@value #LEXICON_RESOURCE}.
     */
    private static void addSection(WordLists.Section section) {
        Kind kind = Kind.valueOf(section.name().toUpperCase(Locale.ROOT));
        List<String> parameters = section.parameters();
        int polarity = parameters.isEmpty() ? 0 : Integer.parseInt(parameters.get(0));
        double weight = switch (kind) {
            case MOVEMENT -> ANCHORED_WEIGHT;
            case NEGATOR -> 0;
            default -> Double.parseDouble(parameters.get(1));
        };
        Side side = kind == Kind.DIRECTION ? Side.valueOf(parameters.get(2).toUpperCase(Locale.ROOT)) : Side.EITHER;
        for (String phrase : section.entries()) {
            add(new Entry(kind, phrase(phrase), polarity, weight, side));
        }
    }

    /** Adds an entry unless a same-kind entry for the same words exists: the first listing wins. */
    private static void add(Entry e) {
        List<Entry> list = LEXICON.computeIfAbsent(e.stems()[0], k -> new ArrayList<>());
        for (Entry existing : list) {
            if (java.util.Arrays.equals(existing.stems(), e.stems()) && existing.kind() == e.kind()) {
                return;
            }
        }
        list.add(e);
    }

    private static String[] phrase(String words) {
        List<Token> tokens = TextLexer.tokenize(words);
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).stem();
        }
        return out;
    }

    private static Set<String> stems(List<String> words) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(w.equals("$") ? "$" : EnglishStems.stem(w));
        }
        return Set.copyOf(out);
    }
}
