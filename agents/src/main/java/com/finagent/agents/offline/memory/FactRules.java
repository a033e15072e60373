package com.finagent.agents.offline.memory;

import com.finagent.agents.memory.MemoryKind;
import com.finagent.agents.offline.text.WordLists;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.finagent.agents.offline.memory.Rule.I_AM;

/** Facts about the user's life: age, family, money, income, home, work. */
final class FactRules {

    private static final String AMOUNT = "(\\$\\s?[\\d,]+(?:\\.\\d+)?\\s*(?:k|m|thousand|million)?|"
            + "[\\d,]+(?:\\.\\d+)?\\s*(?:k|thousand|million)?\\s*(?:dollars|usd|eur|euros|pounds|gbp))";
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|no)\\b|n't\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> NOT_OCCUPATIONS = WordLists.load(FactRules.class, "memory-words.txt")
            .set("not-occupations");

    private FactRules() {
    }

    static List<Rule> rules() {
        MemoryKind k = MemoryKind.FACT;
        return List.of(
                Rule.of(k, "\\b" + I_AM + "\\s+(\\d{2})(?:\\s+years?\\s+old|\\s*(?:yo|y/o))?\\s*(?:$|,|\\s+and\\b|"
                                + "\\s+with\\b)",
                        m -> List.of("The user is " + m.group(1) + " years old.")),
                Rule.of(k, "\\b" + I_AM + "\\s+(retired|semi-retired|self-employed|unemployed|a student|married|single|"
                                + "divorced|widowed|a parent|a single parent|a beginner|new to investing|"
                                + "a first-time investor)\\b",
                        m -> List.of("The user is " + m.group(1).toLowerCase(Locale.ROOT) + ".")),
                Rule.of(k, "\\bi\\s+(?:have|got|saved|'ve\\s+saved|'ve\\s+got)\\s+(?:about\\s+|around\\s+|roughly\\s+)?"
                                + AMOUNT + "\\s+(to\\s+invest|in\\s+savings|saved(?:\\s+up)?|in\\s+(?:my\\s+|"
                                + "a\\s+)?(?:401k|401\\(k\\)|ira|roth\\s+ira|savings(?:\\s+account)?|"
                                + "brokerage(?:\\s+account)?|emergency\\s+fund))",
                        m -> List.of("The user has " + m.group(1).trim() + " " + m.group(2).toLowerCase(Locale.ROOT)
                                .replace(" my ", " their ") + ".")),
                Rule.of(k, "\\bmy\\s+(?:annual\\s+|yearly\\s+|monthly\\s+)?(?:income|salary)\\s+is\\s+(?:about\\s+|"
                                + "around\\s+)?(\\$?[\\d,]+(?:\\.\\d+)?\\s*(?:k|thousand)?(?:\\s*(?:dollars|usd|eur|"
                                + "euros))?(?:\\s+(?:a|per)\\s+(?:year|month))?)",
                        m -> List.of("The user's income is " + m.group(1).trim() + ".")),
                Rule.of(k, "\\bi\\s+(?:earn|make)\\s+(?:about\\s+|around\\s+)?(\\$?[\\d,]+(?:\\.\\d+)?\\s*(?:k|"
                                + "thousand)?(?:\\s*(?:dollars|usd|eur|euros))?)\\s+(?:a|per|each)\\s+(year|month)",
                        m -> List.of("The user earns " + m.group(1).trim() + " a "
                                + m.group(2).toLowerCase(Locale.ROOT) + ".")),
                Rule.of(k, "\\bi\\s+have\\s+(a|one|two|three|four|five|\\d)\\s+(kids?|children|child|sons?|daughters?|"
                                + "dependents?)\\b",
                        m -> List.of("The user has " + m.group(1).toLowerCase(Locale.ROOT) + " "
                                + m.group(2).toLowerCase(Locale.ROOT) + ".")),
                Rule.of(k, "\\bi\\s+live\\s+in\\s+(?-i:([A-Z][\\w.\\-]*(?:\\s+[A-Z][\\w.\\-]*){0,2}))",
                        m -> List.of("The user lives in " + m.group(1) + ".")),
                Rule.of(k, "\\bi\\s+work\\s+(as\\s+an?|in|at|for)\\s+([A-Za-z&'\\- ]{2,40}?)\\s*$",
                        m -> List.of("The user works " + m.group(1).toLowerCase(Locale.ROOT) + " "
                                + m.group(2).trim() + ".")),
                Rule.of(k, "\\b" + I_AM + "\\s+saving\\s+(?:up\\s+)?for\\s+(?:a\\s+|an\\s+|my\\s+|the\\s+|"
                                + "our\\s+)?([a-z' ]{3,30}?)\\s*$",
                        m -> List.of("The user is saving for " + HorizonRules.article(m.group(1).trim()) + ".")),
                Rule.of(k, "\\b" + I_AM + "\\s+an?\\s+([a-z]+(?:\\s+[a-z]+)?)\\s*$",
                        FactRules::occupation));
    }

    /** "I'm a nurse"; nothing for what only looks like an occupation ("a bit worried", "not a doctor"). */
    private static List<String> occupation(Matcher m) {
        String what = m.group(1).toLowerCase(Locale.ROOT);
        if (NOT_OCCUPATIONS.contains(what) || NOT_OCCUPATIONS.contains(what.split(" ")[0])
                || NEGATION.matcher(m.group(0)).find() || what.matches(".*\\b(?:investor|trader)\\b.*")
                && RiskToleranceRules.level(what.split(" ")[0]) != null) {
            return null;
        }
        return List.of("The user is " + (what.matches("^[aeiou].*") ? "an " : "a ") + what + ".");
    }
}
