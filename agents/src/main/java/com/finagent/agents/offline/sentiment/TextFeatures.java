package com.finagent.agents.offline.sentiment;

import com.finagent.agents.offline.text.WordLists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bag-of-words terms the statistical classifier sees: stemmed unigrams and bigrams, numbers reduced to their
 * shape (plain, percent, signed), and a "!" mark on words in the scope of a negation ("not", "no", "n't"...).
 * Bigrams never cross punctuation. The finance rules' cues join as terms of their own. Each distinct term counts
 * once; the classifier L2-normalises the vector so long news sentences are not scored more extremely than short
 * headlines.
 */
final class TextFeatures {

    private static final int NEGATION_SCOPE = 3;
    private static final Set<String> NEGATORS = WordLists.load(TextFeatures.class, "text-words.txt")
            .set("negators");

    private TextFeatures() {
    }

    /** The terms of a text, together with the cues the finance rules found in it. */
    static Set<String> terms(List<Token> tokens, FinanceRules.Evidence evidence) {
        Set<String> terms = new LinkedHashSet<>();
        List<String> run = new ArrayList<>();
        int negation = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String term;
            if (t.isWord()) {
                String w = t.text();
                if (NEGATORS.contains(w)) {
                    term = w;
                    negation = NEGATION_SCOPE;
                } else {
                    term = negation > 0 ? "!" + t.stem() : t.stem();
                    negation = Math.max(0, negation - 1);
                }
            } else if (t.isNumber()) {
                boolean percent = i + 1 < tokens.size() && tokens.get(i + 1).isPunct("%");
                String shape = percent ? "pct" : "num";
                term = t.sign() > 0 ? "<+" + shape + ">" : t.sign() < 0 ? "<-" + shape + ">" : "<" + shape + ">";
            } else if (t.isPunct("$")) {
                term = "<cur>";
            } else if (t.isPunct("%")) {
                continue;
            } else {
                flush(run, terms);
                negation = 0;
                continue;
            }
            run.add(term);
        }
        flush(run, terms);
        terms.addAll(evidence.cues());
        return terms;
    }

    private static void flush(List<String> run, Set<String> terms) {
        for (int i = 0; i < run.size(); i++) {
            terms.add(run.get(i));
            if (i + 1 < run.size()) {
                terms.add(run.get(i) + " " + run.get(i + 1));
            }
        }
        run.clear();
    }
}
