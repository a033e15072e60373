package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.sentiment.FinanceLexicon.Entry;
import com.finagent.agents.offline.sentiment.FinanceLexicon.Kind;
import com.finagent.agents.offline.sentiment.FinanceLexicon.Side;

import java.util.List;
import java.util.Set;

import static com.finagent.agents.offline.sentiment.FinanceLexicon.AHEAD_OF;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.ANCHORED_WEIGHT;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.COST_CONTEXT;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.DEAL_NOUNS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.DEAL_VERBS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.ING_METRICS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.LEXICON;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.NOT_STOCK;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.PARTICLE_VERBS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.PERCENT_WORDS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.RATINGS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.UP_DOWN_NEXT;

/**
 * The rules' work on one clause: tags the lexicon's phrases, then finds each kind of evidence in turn, the number
 * comparisons by {@link NumberComparisons}. Evidence adds up across the clauses of a text.
 */
final class Clause {

    private static final int BEFORE_WINDOW = 12;
    private static final int AFTER_WINDOW = 5;
    private static final int NEGATION_WINDOW = 3;
    /** A negated cue counts against its sign, and less. */
    private static final double NEGATED = -0.7;
    private static final double DEAL_WEIGHT = 0.6;

    final List<Token> tokens;
    final String[] stems;
    final int start;
    final int end;
    final double[] sum;
    final List<String> cues;
    final List<String> trace;
    final Entry[] tags;
    final int[] tagEnd;
    final boolean[] consumed;
    final int[] metricPolarity;

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
        NumberComparisons numbers = new NumberComparisons(this);
        numbers.comparisons();
        numbers.swings();
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

    /** Adds evidence: kinds "dir", "cmp" and "fact" are anchored, "ev" and "move" loose. */
    void add(String kind, double value) {
        cues.add("<" + kind + (value > 0 ? "+>" : "->"));
        if (value > 0) {
            sum[0] += value;
        } else {
            sum[1] -= value;
        }
        sum[kind.equals("dir") || kind.equals("cmp") || kind.equals("fact") ? 2 : 3] += value;
    }

    void note(int i, double value, String what) {
        if (trace != null) {
            trace.add(String.format(java.util.Locale.ROOT, "%+.2f %s [%s]", value, what,
                    words(Math.max(start, i - 2), Math.min(end, i + 3))));
        }
    }

    String words(int from, int to) {
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
