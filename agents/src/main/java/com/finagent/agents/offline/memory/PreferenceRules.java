package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;

import java.util.List;
import java.util.Locale;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/**
 * What the user looks for in investing: kinds of investment ("I prefer dividend stocks"), goals ("I want growth"),
 * values ("I care about ESG").
 */
final class PreferenceRules {

    private static final String GOALS = "(?:income|steady income|passive income|regular income|growth|long-term growth|"
            + "dividends|capital preservation|stability|diversification|low fees|exposure to [a-z ]{2,30})";

    private PreferenceRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.PREFERENCE;
        return List.of(
                Rule.of(k, "\\bi\\s+(?:really\\s+|generally\\s+|mostly\\s+|strongly\\s+)?(?:prefer|favou?r|like|love|"
                                + "lean\\s+towards?|gravitate\\s+towards?)\\s+(?!to\\b)" + Phrases.REGEX,
                        m -> eachPart(m.group(1), "The user prefers ")),
                Rule.of(k, "\\b" + I_AM + "\\s+(?:mostly\\s+|mainly\\s+|more\\s+|really\\s+|primarily\\s+|"
                                + "particularly\\s+|very\\s+)?(?:interested\\s+in|into|focused\\s+on|"
                                + "looking\\s+for)\\s+(?!learning|knowing|understanding|finding|seeing|getting\\s+to)"
                                + Phrases.REGEX,
                        m -> eachPart(m.group(1), "The user is interested in ")),
                Rule.of(k, "\\bi\\s+(?:want|need|am\\s+after|'m\\s+after|care\\s+about)\\s+(?:some\\s+)?((?:more\\s+|"
                                + "steady\\s+|regular\\s+|stable\\s+)?" + GOALS + ")\\b",
                        m -> List.of("The user wants " + m.group(1).toLowerCase(Locale.ROOT) + ".")),
                Rule.of(k, "\\bi\\s+(?:care\\s+(?:a lot\\s+)?about|value)\\s+(esg|sustainability|sustainable investing|"
                                + "the environment|ethical investing|climate)\\b",
                        m -> List.of("The user cares about " + (m.group(1).equalsIgnoreCase("esg") ? "ESG"
                                : m.group(1).toLowerCase(Locale.ROOT)) + ".")),
                Rule.of(k, "\\bi\\s+only\\s+(?:invest\\s+in|buy|hold|own)\\s+" + Phrases.REGEX,
                        m -> {
                            List<String> parts = Phrases.parts(m.group(1));
                            return parts.isEmpty() ? null
                                    : List.of("The user only invests in " + String.join(" and ", parts) + ".");
                        }));
    }

    /** One sentence for each part of the phrase; nothing when the phrase names a security. */
    private static List<String> eachPart(String phrase, String sentenceStart) {
        List<String> parts = Phrases.parts(phrase);
        return mentionsTicker(phrase) ? null : parts.stream().map(p -> sentenceStart + p + ".").toList();
    }

    /** Whether a phrase names a security ("NVDA over AMD"), which makes it an interest rather than a preference. */
    private static boolean mentionsTicker(String phrase) {
        for (String word : phrase.split("[\\s,/]+")) {
            if (word.length() >= 2 && Securities.ticker(word) != null) {
                return true;
            }
        }
        return false;
    }
}
