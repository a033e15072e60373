package com.finagent.agents.offline.sentiment;

import java.util.ArrayList;
import java.util.List;

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
                    || (tokens.get(i).isWord() && FinanceLexicon.CLAUSE_WORDS.contains(stems[i]));
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
}
