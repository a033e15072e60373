package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.EnglishStems;
import com.finagent.agents.offline.WordLists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written finance knowledge that a model trained on tweets cannot learn for formal news prose:
 * <ul>
 *   <li>direction words (rose, fell, narrowed, cut...) applied to the financial metric they govern, where a metric
 *       may be good when it goes up (profit, sales, orders, margin) or bad (loss, costs, debt): "loss narrowed" is
 *       positive, "costs rose" negative, "cut 250 jobs" negative, "cut costs" positive;</li>
 *   <li>number comparisons: "to EUR 13.1 mn from EUR 8.7 mn", "EUR 31 mn, compared with EUR 18 mn",
 *       "19.3 % (17.8 %)", and swings between profit and loss;</li>
 *   <li>phrases that name a metric and its move at once ("cost savings", "job cuts", "profit warning");</li>
 *   <li>a Loughran-McDonald-style list of words that are good or bad news in themselves (layoffs, bankruptcy,
 *       won a contract, upgraded...), and new business ("has signed a EUR 45 mn agreement") as mild good news;</li>
 *   <li>negation, which flips a cue within three words after "not", "no", "without"...</li>
 * </ul>
 * The outcome is evidence for and against, not a label: a sentence with none is a plain statement of fact.
 * Stateless after construction and so thread-safe.
 */
final class FinanceRules {

    /**
     * What the rules found.
     *
     * @param anchored net evidence (positive minus negative) of the precise cues: a direction on a metric, a
     *                 number comparison, a swing between profit and loss
     * @param loose    net evidence of the other cues: evaluative words, a direction with no metric near
     * @param positive all evidence for positive sentiment (zero or more)
     * @param negative all evidence for negative sentiment (zero or more)
     * @param cues     one term per piece of evidence, by kind and sign ("&lt;dir+&gt;", "&lt;ev-&gt;"...): the
     *                 classifier learns from the tweets how far each kind of cue is to be trusted, and it no longer
     *                 pulls against "costs decreased" only because "cost" alone is bad news in tweets
     */
    record Evidence(double anchored, double loose, double positive, double negative, List<String> cues) {
        static final Evidence NONE = new Evidence(0, 0, 0, 0, List.of());

        boolean isEmpty() {
            return positive == 0 && negative == 0;
        }
    }

    /** MOVEMENT: a metric and its direction in one phrase ("cost savings", "job cuts"). */
    private enum Kind { METRIC, DIRECTION, MOVEMENT, EVALUATIVE, NEGATOR }

    /** Which side of a direction word its metric usually stands on. */
    private enum Side { BEFORE, AFTER, EITHER }

    /**
     * One lexicon entry.
     *
     * @param polarity  METRIC: +1 good when up, -1 bad when up; DIRECTION: +1 up, -1 down; MOVEMENT, EVALUATIVE:
     *                  the sign of the news
     * @param weight    METRIC: evidence when nothing moves it (losses are bad news on their own); DIRECTION: evidence
     *                  when no metric is near; MOVEMENT, EVALUATIVE: evidence
     * @param side      DIRECTION: where its metric usually stands
     */
    private record Entry(Kind kind, String[] stems, int polarity, double weight, Side side) {
    }

    private static final int BEFORE_WINDOW = 12;
    private static final int AFTER_WINDOW = 5;
    private static final int NEGATION_WINDOW = 3;
    /**
     * Evidence for a direction word on a metric, a number comparison or a swing between profit and loss: these
     * are precise (on the training tweets 80-95% of texts with one carry its sentiment), so they weigh more than
     * an evaluative word or a direction word with no metric.
     */
    private static final double ANCHORED_WEIGHT = 1.5;
    private static final double NEGATED = -0.7;
    private static final double DEAL_WEIGHT = 0.6;

    private static final String LEXICON_RESOURCE = "finance-lexicon.txt";
    private static final WordLists WORDS = WordLists.load(FinanceRules.class, "finance-words.txt");
    private static final Map<String, List<Entry>> LEXICON = new HashMap<>();

    private static final Set<String> CLAUSE_WORDS = stems(WORDS.list("clause-words"));
    private static final Set<String> SCALE_MILLION = stems(WORDS.list("scale-million"));
    private static final Set<String> SCALE_BILLION = stems(WORDS.list("scale-billion"));
    private static final Set<String> SCALE_THOUSAND = stems(WORDS.list("scale-thousand"));
    private static final Set<String> PERCENT_WORDS = stems(WORDS.list("percent-words"));
    private static final Set<String> CURRENCY = stems(WORDS.list("currency"));
    private static final Set<String> MONTHS = stems(WORDS.list("months"));
    /** Words allowed between a comparison keyword and its number: "from a loss of EUR 2 mn". */
    private static final Set<String> COMPARISON_FILLER = stems(WORDS.list("comparison-filler"));
    private static final Set<String> COMPARE_AFTER = stems(WORDS.list("compare-after"));
    private static final Set<String> LOSS_STATE = stems(WORDS.list("loss-state"));
    private static final Set<String> PROFIT_STATE = stems(WORDS.list("profit-state"));
    private static final Set<String> SWING_VERBS = stems(WORDS.list("swing-verbs"));
    private static final Set<String> SLIP_VERBS = stems(WORDS.list("slip-verbs"));
    private static final Set<String> SWING_FILLER = stems(WORDS.list("swing-filler"));
    private static final Set<String> DEAL_VERBS = stems(WORDS.list("deal-verbs"));
    private static final Set<String> DEAL_NOUNS = stems(WORDS.list("deal-nouns"));
    /** Ratings a stock moves away from ("to hold from buy"): the old rating says nothing about the new view. */
    private static final Set<String> RATINGS = stems(WORDS.list("ratings"));
    /** What "up"/"down" must stand next to for them to mean a change in level. */
    private static final Set<String> UP_DOWN_NEXT = stems(WORDS.list("up-down-next"));
    /** Verbs that make "up"/"down" a particle: "step down", "set up", "shut down". */
    private static final Set<String> PARTICLE_VERBS = stems(WORDS.list("particle-verbs"));
    /** Metrics whose own name ends in -ing. */
    private static final Set<String> ING_METRICS = WORDS.set("ing-metrics");
    /** What follows "share" when it is not the stock price: "share capital", "share issue". */
    private static final Set<String> NOT_STOCK = stems(WORDS.list("not-stock"));
    private static final Set<String> AHEAD_OF = stems(WORDS.list("ahead-of"));
    private static final Set<String> COST_CONTEXT = stems(WORDS.list("cost-context"));

    static {
        for (WordLists.Section section : WordLists.load(FinanceRules.class, LEXICON_RESOURCE).sections()) {
            addSection(section);
        }
        for (List<Entry> entries : LEXICON.values()) {
            entries.sort((a, b) -> b.stems().length - a.stems().length);
        }
    }

    private FinanceRules() {
    }

    static Evidence analyse(List<Token> tokens) {
        return analyse(tokens, null);
    }

    /** As {@link #analyse(List)}, adding a line to {@code trace} for each piece of evidence found. */
    static Evidence analyse(List<Token> tokens, List<String> trace) {
        int n = tokens.size();
        if (n == 0) {
            return Evidence.NONE;
        }
        String[] stems = new String[n];
        for (int i = 0; i < n; i++) {
            stems[i] = tokens.get(i).stem();
        }
        double[] sum = new double[4];
        List<String> cues = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n
                    || tokens.get(i).isPunct(".") || tokens.get(i).isPunct(";") || tokens.get(i).isPunct(":")
                    || tokens.get(i).isPunct("!") || tokens.get(i).isPunct("?")
                    || (tokens.get(i).isWord() && CLAUSE_WORDS.contains(stems[i]));
            if (boundary) {
                if (i > start) {
                    new Clause(tokens, stems, start, i, sum, cues, trace).analyse();
                }
                start = i + 1;
            }
        }
        return sum[0] == 0 && sum[1] == 0 && cues.isEmpty() ? Evidence.NONE
                : new Evidence(sum[2], sum[3], sum[0], sum[1], List.copyOf(cues));
    }

    /** The work on one clause: tagging, then each kind of evidence. */
    private static final class Clause {
        private final List<Token> tokens;
        private final String[] stems;
        private final int start;
        private final int end;
        private final double[] sum;
        private final List<String> cues;
        private final List<String> trace;
        private final Entry[] tags;
        private final int[] tagEnd;
        private final boolean[] consumed;
        private final int[] metricPolarity;

        Clause(List<Token> tokens, String[] stems, int start, int end, double[] sum, List<String> cues,
               List<String> trace) {
            this.tokens = tokens;
            this.stems = stems;
            this.start = start;
            this.end = end;
            this.sum = sum;
            this.cues = cues;
            this.trace = trace;
            int n = stems.length;
            this.tags = new Entry[n];
            this.tagEnd = new int[n];
            this.consumed = new boolean[n];
            this.metricPolarity = new int[n];
        }

        void analyse() {
            tag();
            directions();
            comparisons();
            swings();
            deals();
            evaluatives();
            leftoverMetrics();
        }

        /** "has signed a EUR 45 mn agreement", "received an order": new business is mildly good news. */
        private void deals() {
            for (int i = start; i < end; i++) {
                if (!tokens.get(i).isWord() || !DEAL_VERBS.contains(stems[i]) || tags[i] != null) {
                    continue;
                }
                for (int k = i + 1; k < end && k <= i + 7; k++) {
                    if (tags[k] != null && tags[k].kind() != Kind.NEGATOR) {
                        break;
                    }
                    if (DEAL_NOUNS.contains(stems[k])) {
                        note(i, DEAL_WEIGHT, "new business " + words(i, k + 1));
                        add("ev", negated(i) ? DEAL_WEIGHT * NEGATED : DEAL_WEIGHT);
                        break;
                    }
                }
            }
        }

        private void tag() {
            int i = start;
            while (i < end) {
                if (i > start && stems[i - 1].equals("from") && RATINGS.contains(stems[i])) {
                    i += stems[i].equals("strong") ? 2 : 1;
                    continue;
                }
                Entry match = null;
                List<Entry> candidates = tokens.get(i).isWord() ? LEXICON.get(stems[i]) : null;
                if (candidates != null) {
                    for (Entry e : candidates) {
                        if (matches(e, i)) {
                            match = e;
                            break;
                        }
                    }
                }
                if (match != null && !excluded(match, i)) {
                    tags[i] = match;
                    tagEnd[i] = i + match.stems().length;
                    if (match.kind() == Kind.METRIC) {
                        metricPolarity[i] = metricPolarity(match, i);
                    }
                    i = tagEnd[i];
                } else {
                    i++;
                }
            }
        }

        private boolean matches(Entry e, int i) {
            String[] p = e.stems();
            if (i + p.length > end) {
                return false;
            }
            for (int k = 0; k < p.length; k++) {
                if (!p[k].equals(stems[i + k])) {
                    return false;
                }
            }
            return true;
        }

        /** Readings that look like a cue but are not one. */
        private boolean excluded(Entry e, int i) {
            String s = stems[i];
            String raw = tokens.get(i).text();
            String next = i + 1 < end ? stems[i + 1] : "";
            String prev = i > start ? stems[i - 1] : "";
            if (e.kind() == Kind.METRIC && e.stems().length == 1 && raw.endsWith("ing")
                    && !ING_METRICS.contains(raw)) {
                // the stem of "demanding", "marketing" is a metric, the word is not
                return true;
            }
            return switch (s) {
                case "up", "down" -> !changeOfLevel(i);
                case "ahead" -> !followedBy(i, AHEAD_OF, 3);
                case "top" -> !tokens.get(i).text().startsWith("topp");
                case "rate" -> e.kind() == Kind.METRIC && !tokens.get(i).text().startsWith("rating");
                case "price" -> tokens.get(i).text().equals("priced");
                case "record" -> prev.equals("of") || !raw.equals("record");
                case "order" -> prev.equals("in") || next.equals("to");
                case "share" -> prev.equals("per") || NOT_STOCK.contains(next);
                case "contract" -> !tokens.get(i).text().startsWith("contracted")
                        && !tokens.get(i).text().startsWith("contracting");
                case "fall" -> prev.equals("the") || prev.equals("this") || prev.equals("in");
                case "return" -> e.kind() == Kind.METRIC && next.equals("to");
                case "target" -> next.equals("group") || next.equals("compani") || next.equals("compan");
                case "high", "low" -> e.kind() == Kind.DIRECTION && !nearMetric(i);
                case "more", "additional" -> e.kind() == Kind.DIRECTION && !metricNext(i);
                default -> false;
            };
        }

        /** "sales up 5 %", "down from", "profit was up": not a particle as in "set up", "step down". */
        private boolean changeOfLevel(int i) {
            if ((i + 1 < end && stems[i + 1].equals("to")) || (i > start && PARTICLE_VERBS.contains(stems[i - 1]))) {
                return false;
            }
            if (i + 1 < end && (tokens.get(i + 1).isNumber() || UP_DOWN_NEXT.contains(stems[i + 1]))) {
                return true;
            }
            for (int k = Math.max(start, i - 2); k < i; k++) {
                if (tags[k] != null && tags[k].kind() == Kind.METRIC && tagEnd[k] >= i - 1) {
                    return true;
                }
            }
            return i > start && (tokens.get(i - 1).isNumber() || tokens.get(i - 1).isPunct("%"));
        }

        private boolean followedBy(int i, Set<String> words, int within) {
            for (int k = i + 1; k < end && k <= i + within; k++) {
                if (words.contains(stems[k])) {
                    return true;
                }
            }
            return false;
        }

        /** "more passengers", "additional revenue": the next word or the one after names a metric. */
        private boolean metricNext(int i) {
            for (int k = i + 1; k < end && k <= i + 2; k++) {
                if (isMetricWord(k)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isMetricWord(int k) {
            if (!tokens.get(k).isWord() || !LEXICON.containsKey(stems[k])) {
                return false;
            }
            for (Entry e : LEXICON.get(stems[k])) {
                if (e.kind() == Kind.METRIC) {
                    return true;
                }
            }
            return false;
        }

        private boolean nearMetric(int i) {
            for (int k = Math.max(start, i - 3); k < Math.min(end, i + 4); k++) {
                if (k != i && isMetricWord(k)) {
                    return true;
                }
            }
            return false;
        }

        /** Prices are good news for the seller, bad news when they are the company's input costs. */
        private int metricPolarity(Entry e, int i) {
            if (e.polarity() > 0 && (stems[i].equals("price") || stems[i].equals("pricing"))) {
                for (int k = Math.max(start, i - 2); k < i; k++) {
                    if (COST_CONTEXT.contains(stems[k])) {
                        return -1;
                    }
                }
            }
            return e.polarity();
        }

        private void directions() {
            for (int i = start; i < end; i++) {
                Entry e = tags[i];
                if (e == null || e.kind() != Kind.DIRECTION) {
                    continue;
                }
                int metric = nearestMetric(i, e.side());
                double value;
                String kind;
                if (metric >= 0) {
                    consumed[metric] = true;
                    value = e.polarity() * metricPolarity[metric] * ANCHORED_WEIGHT;
                    kind = "dir";
                    note(i, value, "direction on " + words(metric, tagEnd[metric]));
                } else {
                    value = e.polarity() * e.weight();
                    kind = "move";
                    note(i, value, "direction without a metric");
                }
                add(kind, negated(i) ? value * NEGATED : value);
            }
        }

        /**
         * The metric a direction word at i governs: the nearest, discounted when on its less usual side or behind a
         * comma. Looking ahead stops at a comma or a percentage, which end the phrase the word belongs to
         * ("decrease of 25 %, loss per share...").
         */
        private int nearestMetric(int i, Side side) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            boolean comma = false;
            for (int k = i - 1; k >= start && i - k <= BEFORE_WINDOW + 3; k--) {
                comma |= tokens.get(k).isPunct(",");
                if (tags[k] == null || tags[k].kind() != Kind.METRIC) {
                    continue;
                }
                double distance = i - tagEnd[k] + 1;
                if (distance > BEFORE_WINDOW) {
                    continue;
                }
                distance += (side == Side.AFTER ? 1.5 : side == Side.EITHER ? 0.25 : 0) + (comma ? 1.5 : 0);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
            for (int k = i + 1; k < end && k - i <= AFTER_WINDOW; k++) {
                if (tokens.get(k).isPunct(",") || tokens.get(k).isPunct("%") || PERCENT_WORDS.contains(stems[k])) {
                    break;
                }
                if (tags[k] == null || tags[k].kind() != Kind.METRIC) {
                    continue;
                }
                double distance = k - i + (side == Side.BEFORE ? 1.5 : 0);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
                break;
            }
            return best;
        }

        /** "from A to B", "B ... from A", "B, compared with A", "B (A)": the metric moved the way B - A says. */
        private void comparisons() {
            for (int i = start; i < end; i++) {
                Token t = tokens.get(i);
                int later;
                int earlier;
                if (t.isWord() && stems[i].equals("from")) {
                    earlier = numberAfter(i);
                    if (earlier < 0) {
                        continue;
                    }
                    int to = findWord("to", earlier + 1, Math.min(end, earlier + 8));
                    later = to >= 0 ? numberAfter(to) : -1;
                    if (later < 0) {
                        later = numberBefore(i);
                    }
                } else if (t.isWord() && COMPARE_AFTER.contains(stems[i])) {
                    int k = i + 1;
                    if (k < end && (stems[k].equals("with") || stems[k].equals("to"))) {
                        k++;
                    }
                    earlier = numberAfter(k - 1);
                    later = numberBefore(i);
                } else if (t.isPunct("(")) {
                    earlier = numberAfter(i);
                    if (earlier < 0 || !closesSoon(earlier)) {
                        continue;
                    }
                    later = numberBefore(i);
                } else {
                    continue;
                }
                if (later < 0 || earlier < 0 || later == earlier) {
                    continue;
                }
                compare(later, earlier);
            }
        }

        private void compare(int later, int earlier) {
            if (isPercent(later) != isPercent(earlier)) {
                return;
            }
            int laterState = state(later);
            int earlierState = state(earlier);
            if (laterState != 0 && earlierState != 0 && laterState != earlierState) {
                double value = laterState > 0 ? ANCHORED_WEIGHT : -ANCHORED_WEIGHT;
                note(later, value, "swing between profit and loss");
                add("cmp", value);
                consumeStateWords(Math.min(later, earlier), Math.max(later, earlier));
                return;
            }
            double b = amount(later);
            double a = amount(earlier);
            if (b == a) {
                return;
            }
            int direction = b > a ? 1 : -1;
            int metric = metricBefore(later);
            int polarity;
            if (laterState < 0 || earlierState < 0) {
                polarity = -1;
                consumeStateWords(Math.min(later, earlier), Math.max(later, earlier));
            } else if (metric >= 0) {
                polarity = metricPolarity[metric];
                consumed[metric] = true;
            } else {
                polarity = 1;
            }
            double value = direction * polarity * ANCHORED_WEIGHT;
            note(later, value, "number comparison " + tokens.get(earlier).text() + " -> " + tokens.get(later).text());
            add("cmp", value);
        }

        /** "swung to a profit", "returned to profit", "turned to a loss", "slipped into the red". */
        private void swings() {
            for (int i = start; i < end; i++) {
                if (!tokens.get(i).isWord() || !(stems[i].equals("to") || stems[i].equals("into"))) {
                    continue;
                }
                int k = i + 1;
                while (k < end && k < i + 6 && SWING_FILLER.contains(stems[k])) {
                    k++;
                }
                if (k >= end) {
                    continue;
                }
                boolean profit = PROFIT_STATE.contains(stems[k]);
                boolean loss = LOSS_STATE.contains(stems[k]);
                if (!profit && !loss) {
                    continue;
                }
                boolean swing = false;
                boolean slip = false;
                for (int j = Math.max(start, i - 3); j < i; j++) {
                    swing |= SWING_VERBS.contains(stems[j]);
                    slip |= SLIP_VERBS.contains(stems[j]);
                }
                double value = 0;
                if (profit && swing) {
                    value = ANCHORED_WEIGHT;
                } else if (loss && (swing || slip)) {
                    value = -ANCHORED_WEIGHT;
                }
                if (value != 0) {
                    // the state left behind ("from a loss of EUR 7 mn") is part of the same swing
                    for (int j = start; j < end; j++) {
                        if (tags[j] != null && tags[j].kind() == Kind.METRIC
                                && (LOSS_STATE.contains(stems[j]) || PROFIT_STATE.contains(stems[j]))) {
                            consumed[j] = true;
                        }
                    }
                    consumed[k] = true;
                    note(i, value, "swing to " + stems[k]);
                    add("cmp", value);
                }
            }
        }

        private void evaluatives() {
            for (int i = start; i < end; i++) {
                Entry e = tags[i];
                if (e == null || (e.kind() != Kind.EVALUATIVE && e.kind() != Kind.MOVEMENT)) {
                    continue;
                }
                double value = e.polarity() * e.weight();
                boolean movement = e.kind() == Kind.MOVEMENT;
                note(i, value, (movement ? "movement " : "evaluative ") + words(i, tagEnd[i]));
                add(movement ? "dir" : "ev", negated(i) ? value * NEGATED : value);
            }
        }

        /** A loss or write-down that nothing moved is still bad news: "reported an operating loss". */
        private void leftoverMetrics() {
            for (int i = start; i < end; i++) {
                Entry e = tags[i];
                if (e != null && e.kind() == Kind.METRIC && e.weight() > 0 && !consumed[i]) {
                    double value = e.polarity() * e.weight();
                    note(i, value, "standing " + words(i, tagEnd[i]));
                    add("fact", negated(i) ? value * NEGATED : value);
                }
            }
        }

        private boolean negated(int i) {
            for (int k = Math.max(start, i - NEGATION_WINDOW); k < i; k++) {
                if (tags[k] != null && tags[k].kind() == Kind.NEGATOR) {
                    return true;
                }
            }
            return false;
        }

        private void consumeStateWords(int from, int to) {
            for (int k = Math.max(start, from - 6); k <= to; k++) {
                if (tags[k] != null && tags[k].kind() == Kind.METRIC) {
                    consumed[k] = true;
                }
            }
        }

        private int metricBefore(int i) {
            for (int k = i - 1; k >= start; k--) {
                if (tags[k] != null && tags[k].kind() == Kind.METRIC) {
                    return k;
                }
            }
            return -1;
        }

        /** +1 if the words just before a number name a profit, -1 a loss, else 0. */
        private int state(int number) {
            for (int k = number - 1; k >= Math.max(start, number - 5); k--) {
                if (tokens.get(k).isNumber() || tokens.get(k).isPunct(",") || tokens.get(k).isPunct("(")) {
                    break;
                }
                if (LOSS_STATE.contains(stems[k])) {
                    return -1;
                }
                if (PROFIT_STATE.contains(stems[k])) {
                    return 1;
                }
            }
            return 0;
        }

        private int numberAfter(int i) {
            for (int k = i + 1; k < end && k <= i + 6; k++) {
                Token t = tokens.get(k);
                if (t.isNumber()) {
                    return isLevel(k) ? k : -1;
                }
                if (!(t.isPunct("$") || (t.isWord() && (COMPARISON_FILLER.contains(stems[k])
                        || CURRENCY.contains(stems[k]))))) {
                    return -1;
                }
            }
            return -1;
        }

        private int numberBefore(int i) {
            for (int k = i - 1; k >= start && k >= i - 10; k--) {
                if (tokens.get(k).isNumber()) {
                    return isLevel(k) ? k : -1;
                }
            }
            return -1;
        }

        private boolean closesSoon(int number) {
            for (int k = number + 1; k < end && k <= number + 3; k++) {
                if (tokens.get(k).isPunct(")")) {
                    return true;
                }
            }
            return false;
        }

        private int findWord(String stem, int from, int to) {
            for (int k = from; k < to; k++) {
                if (tokens.get(k).isWord() && stems[k].equals(stem)) {
                    return k;
                }
                if (tokens.get(k).isNumber() && k > from) {
                    return -1;
                }
            }
            return -1;
        }

        /** A number that states a level, not a year, a date, a quarter or the size of a change ("by 5 %"). */
        private boolean isLevel(int k) {
            Token t = tokens.get(k);
            String prev = k > start ? stems[k - 1] : "";
            String next = k + 1 < end ? stems[k + 1] : "";
            if (prev.equals("by") || prev.equals("q") || prev.equals("h") || MONTHS.contains(prev)
                    || MONTHS.contains(next)) {
                return false;
            }
            boolean plain = !isPercent(k) && scale(k) == 1 && !hasCurrency(k);
            double v = t.value();
            return !(plain && v == Math.rint(v) && v >= 1900 && v <= 2100 && !t.text().contains("."));
        }

        private boolean hasCurrency(int k) {
            for (int j = Math.max(start, k - 2); j < k; j++) {
                if (CURRENCY.contains(stems[j])) {
                    return true;
                }
            }
            return k + 1 < end && CURRENCY.contains(stems[k + 1]);
        }

        private boolean isPercent(int k) {
            return k + 1 < end && (tokens.get(k + 1).isPunct("%") || PERCENT_WORDS.contains(stems[k + 1]));
        }

        private double scale(int k) {
            String next = k + 1 < end ? stems[k + 1] : "";
            if (SCALE_BILLION.contains(next)) {
                return 1e9;
            }
            if (SCALE_MILLION.contains(next)) {
                return 1e6;
            }
            if (SCALE_THOUSAND.contains(next)) {
                return 1e3;
            }
            return 1;
        }

        private double amount(int k) {
            return tokens.get(k).value() * scale(k);
        }

        /** Adds evidence: kinds "dir", "cmp" and "fact" are anchored, "ev" and "move" loose. */
        private void add(String kind, double value) {
            cues.add("<" + kind + (value > 0 ? "+>" : "->"));
            if (value > 0) {
                sum[0] += value;
            } else {
                sum[1] -= value;
            }
            sum[kind.equals("dir") || kind.equals("cmp") || kind.equals("fact") ? 2 : 3] += value;
        }

        private void note(int i, double value, String what) {
            if (trace != null) {
                trace.add(String.format(java.util.Locale.ROOT, "%+.2f %s [%s]", value, what,
                        words(Math.max(start, i - 2), Math.min(end, i + 3))));
            }
        }

        private String words(int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int k = from; k < to; k++) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(tokens.get(k).text());
            }
            return sb.toString();
        }
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
