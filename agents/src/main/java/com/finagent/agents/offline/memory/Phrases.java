package com.finagent.agents.offline.memory;

import com.finagent.agents.offline.text.WordLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The noun phrase that ends a clause, what a dislike or a preference is about: "tobacco stocks or crypto". */
final class Phrases {

    /** A noun phrase up to the end of the clause, as a capturing group. */
    static final String REGEX = "([a-z0-9$&'.,/\\- ]{2,80}?)(?:\\s+(?:at all|anymore|any more|in my portfolio|"
            + "for me|either|please))?(?=\\s+(?:because|since|as|but|though|although|so|unless|when|which|that|due|"
            + "given)\\b|\\s*$)";

    private static final Set<String> NOT_PHRASE_HEADS = WordLists.load(Phrases.class, "memory-words.txt")
            .set("not-phrase-heads");

    private Phrases() {
    }

    /**
     * The parts of an enumerated phrase, at most three, lower-cased unless they are tickers; none when a part is not
     * a kind of investment ("to wait", "risk").
     */
    static List<String> parts(String phrase) {
        List<String> parts = new ArrayList<>();
        for (String raw : phrase.split("\\s*(?:,|\\bor\\b|\\band\\b|/|&)\\s*")) {
            String part = raw.trim().replaceAll("^(?:any|the|some|those|these|all)\\s+", "").trim();
            if (part.length() < 2 || part.split("\\s+").length > 6) {
                continue;
            }
            String head = part.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (NOT_PHRASE_HEADS.contains(head) || NOT_PHRASE_HEADS.contains(part.toLowerCase(Locale.ROOT))
                    || part.toLowerCase(Locale.ROOT).matches(".*\\b(?:risk|risks|volatility|losses)\\b.*")) {
                return List.of();
            }
            parts.add(Securities.ticker(part) != null ? part : lowerExceptAcronyms(part));
            if (parts.size() == 3) {
                break;
            }
        }
        return parts;
    }

    private static String lowerExceptAcronyms(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split("\\s+")) {
            out.append(out.isEmpty() ? "" : " ")
                    .append(word.matches("[A-Z]{2,}s?") ? word : word.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
