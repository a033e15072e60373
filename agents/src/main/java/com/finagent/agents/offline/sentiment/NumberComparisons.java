package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.sentiment.FinanceLexicon.Entry;
import com.finagent.agents.offline.sentiment.FinanceLexicon.Kind;

import java.util.List;

import static com.finagent.agents.offline.sentiment.FinanceLexicon.ANCHORED_WEIGHT;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.COMPARE_AFTER;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.COMPARISON_FILLER;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.CURRENCY;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.LOSS_STATE;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.MONTHS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.PERCENT_WORDS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.PROFIT_STATE;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SCALE_BILLION;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SCALE_MILLION;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SCALE_THOUSAND;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SLIP_VERBS;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SWING_FILLER;
import static com.finagent.agents.offline.sentiment.FinanceLexicon.SWING_VERBS;

/**
 * The evidence of numbers in one clause: a level compared with an earlier one ("to EUR 13.1 mn from EUR 8.7 mn",
 * "19.3 % (17.8 %)"), read by the metric it measures, and swings between profit and loss ("swung to a profit").
 */
final class NumberComparisons {

    private final Clause clause;
    private final List<Token> tokens;
    private final String[] stems;
    private final int start;
    private final int end;
    private final Entry[] tags;
    private final boolean[] consumed;
    private final int[] metricPolarity;

    NumberComparisons(Clause clause) {
        this.clause = clause;
        this.tokens = clause.tokens;
        this.stems = clause.stems;
        this.start = clause.start;
        this.end = clause.end;
        this.tags = clause.tags;
        this.consumed = clause.consumed;
        this.metricPolarity = clause.metricPolarity;
    }

    /** "from A to B", "B ... from A", "B, compared with A", "B (A)": the metric moved the way B - A says. */
    void comparisons() {
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
    void swings() {
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

    private void note(int i, double value, String what) {
        clause.note(i, value, what);
    }

    private void add(String kind, double value) {
        clause.add(kind, value);
    }
}
